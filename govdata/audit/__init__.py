"""Access-log audit (Art. 28, 33, 36, 57): who used which data, against the grants and their history.

The hub's access logs (docs/audit.md) are read in place by an SQL engine (DuckDB embedded, or
Spark for a data lake); the grants are exported as a small table of periods, one per status
each grant passed through, with the git commit that recorded the decision. One set of SQL
queries (``govdata/audit/sql/``), written once in DuckDB's dialect and transpiled for Spark
by sqlglot, turns both into findings.
"""
