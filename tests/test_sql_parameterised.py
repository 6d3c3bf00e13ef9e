"""SQL is parameterised: no value a user gives is formatted into a statement in ``src/``.

Every ``execute``/``executemany``/``sql``/``query`` call in ``src/`` is read (with the
assignments of its SQL variable in the same function, ``+=`` included). Text put into
the statement by an f-string, ``str.format``, ``%`` or ``+`` must be an UPPERCASE module
constant, or one of the pieces reviewed below, each with why it is not a user value
(identifiers from fixed tuples, ``?`` placeholders, clauses whose values are ``?``
parameters). A new interpolation fails this test until it is parameterised or reviewed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dotterel"
#: DB-API calls, and the store's helpers that pass their SQL argument to ``execute``.
SQL_METHODS = frozenset({"execute", "executemany", "sql", "query", "_one", "_in_list"})

#: (file under src/dotterel, interpolated expression) -> why it is not a user value.
_FILTERS = "clauses of DuckDBStore._filters: fixed text with ? marks, values in params"
REVIEWED: dict[tuple[str, str], str] = {
    ("store/duck.py", "sql"): "the SQL parameter of _one/_in_list: its callers are checked",
    ("store/duck.py", "table"): "a table name from a literal tuple or a literal argument",
    ("store/duck.py", "', '.join(keys)"): "column names from a literal tuple (runs)",
    ("store/duck.py", "' AND '.join(where)"): _FILTERS + " (or fixed fused-event clauses)",
    ("store/duck.py", "'WHERE ' + ' AND '.join(where) if where else ''"): _FILTERS,
    ("store/duck.py", "''.join((f' AND {clause}' for clause in where))"): _FILTERS,
    ("store/duck.py", "after_sql"): "'TRUE' or a fixed cursor clause with ? marks",
    ("store/duck.py", "direction"): "'ASC' or 'DESC' from a boolean",
    ("store/duck.py", "key"): "a sort expression from the _SORT_SQL table (unknown sorts refused)",
    ("store/duck.py", "marks"): "'?, ?, ...': one placeholder per value",
    ("store/duck.py", "select"): "_EVENT_SELECT and d.<name> for names of _DOCUMENT_META",
    ("store/duck.py", "source"): "'events e' and a fixed LEFT JOIN",
    ("store/duck.py", "', '.join((f'\"{name}\"' for name in names))"): (
        "column names of OUTSIDE_EVENT_COLUMNS"
    ),
    ("store/schema.py", "names"): "column names of a *_COLUMNS constant",
    ("store/schema.py", "values"): "unnest($i::TYPE[]) per column of a *_COLUMNS constant",
    ("store/schema.py", "table"): "a table name of the schema constants (literal arguments)",
    ("store/schema.py", "statement"): "a literal DDL statement of the schema",
    ("store/schema.py", "lost"): "migration check built from TYPED_COLUMNS",
    ("store/schema.py", "using"): "migration cast built from TYPED_COLUMNS",
    ("store/schema.py", "column"): "a column of TYPED_COLUMNS",
    ("store/schema.py", "sqltype"): "a type of TYPED_COLUMNS",
}


def functions(tree: ast.AST) -> Iterator[ast.AST]:
    """The module and every function (their bodies are the scope of an SQL variable)."""
    yield tree
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def assignments(scope: ast.AST) -> dict[str, list[ast.expr]]:
    """Expressions assigned to each plain name in ``scope`` (``=``, ``+=``, annotated)."""
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif (
            isinstance(node, ast.AugAssign | ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            found.setdefault(node.target.id, []).append(node.value)
    return found


def interpolations(
    expr: ast.expr, names: dict[str, list[ast.expr]], seen: set[str]
) -> Iterator[ast.expr]:
    """Pieces formatted into the SQL text ``expr`` (following names assigned in scope)."""
    if isinstance(expr, ast.Constant):
        return
    if isinstance(expr, ast.JoinedStr):
        for value in expr.values:
            if isinstance(value, ast.FormattedValue):
                yield from _piece(value.value, names, seen)
        return
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add | ast.Mod):
        for side in (expr.left, expr.right):
            if isinstance(expr.op, ast.Mod) and side is expr.right:
                yield side  # "%" formatting: always a finding
            else:
                yield from interpolations(side, names, seen)
        return
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "format"
    ):
        yield from interpolations(expr.func.value, names, seen)
        for argument in [*expr.args, *(k.value for k in expr.keywords)]:
            yield from _piece(argument, names, seen)
        return
    if isinstance(expr, ast.Name) and expr.id in names and expr.id not in seen:
        for value in names[expr.id]:
            yield from interpolations(value, names, seen | {expr.id})
        return
    if isinstance(expr, ast.IfExp):
        yield from interpolations(expr.body, names, seen)
        yield from interpolations(expr.orelse, names, seen)
        return
    yield expr  # a call result or a parameter: where the text comes from is not visible


def _piece(expr: ast.expr, names: dict[str, list[ast.expr]], seen: set[str]) -> Iterator[ast.expr]:
    if isinstance(expr, ast.Constant) or (isinstance(expr, ast.Name) and expr.id.isupper()):
        return
    yield expr


def findings() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = path.relative_to(SRC).as_posix()
        for scope in functions(tree):
            names = assignments(scope)
            body = scope.body if not isinstance(scope, ast.Module) else []
            calls = [
                node
                for statement in body
                for node in ast.walk(statement)
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_METHODS
                and node.args
            ]
            for call in calls:
                for piece in interpolations(call.args[0], names, set()):
                    text = ast.unparse(piece)
                    if (relative, text) not in REVIEWED:
                        out.append((relative, call.lineno, text))
    return sorted(set(out))


def test_no_user_value_is_formatted_into_sql() -> None:
    unreviewed = findings()
    assert unreviewed == [], "SQL text built from unreviewed values:\n" + "\n".join(
        f"  src/dotterel/{file}:{line}: {text}" for file, line, text in unreviewed
    )


def test_the_check_finds_an_f_string_a_concatenation_and_a_format(tmp_path: Path) -> None:
    code = (
        "def bad(con, name, limit):\n"
        "    con.execute(f\"SELECT * FROM events WHERE actor = '{name}'\")\n"
        "    sql = 'SELECT * FROM events LIMIT ' + str(limit)\n"
        "    con.execute(sql)\n"
        "    con.execute('SELECT * FROM events WHERE t = {t}'.format(t=name))\n"
        "    con.execute('SELECT * FROM events WHERE t = %s' % name)\n"
        "    con.execute('SELECT * FROM events WHERE actor = ?', [name])\n"
    )
    tree = ast.parse(code)
    [function] = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
    names = assignments(function)
    calls = [
        node
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "execute"
    ]
    found = [ast.unparse(p) for call in calls for p in interpolations(call.args[0], names, set())]
    assert found == ["name", "str(limit)", "name", "name"]
