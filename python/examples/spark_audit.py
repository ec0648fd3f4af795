"""Audit a Spark DataFrame of messages with tact, two ways.

``audit_with_package`` runs the Python package inside each executor
(``mapInPandas``: one ``tact.check_many`` call per Arrow batch, in parallel
outside the GIL). ``audit_with_pipe`` streams each partition through the
``tact`` binary's JSON-lines filter (``RDD.pipe``), for clusters where the
binary is installed but the wheel is not. Both return one row per message:
its id, score, grade, number of findings and the rules that fired.

Run it on a DataFrame with an ``id`` column and a ``body`` column:

    spark-submit spark_audit.py messages.parquet

docs/scale.md has the measured throughput.
"""

from __future__ import annotations

import json
import sys
from typing import Iterator

RESULT_SCHEMA = "id long, score int, grade string, findings int, rules string"


def _rows(ids, results):
    import pandas as pd

    return pd.DataFrame(
        {
            "id": ids,
            "score": [r["score"]["value"] for r in results],
            "grade": [r["score"]["grade"] for r in results],
            "findings": [len(r["diagnostics"]) for r in results],
            "rules": [",".join(sorted({d["rule"] for d in r["diagnostics"]})) for r in results],
        }
    )


def audit_with_package(df, text_col: str = "body", id_col: str = "id"):
    """Score every message with the Python package, one batch at a time."""

    def score(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:  # noqa: F821
        import tact

        for batch in batches:
            results = tact.check_many(batch[text_col].tolist())
            yield _rows(batch[id_col].tolist(), results)

    return df.select(id_col, text_col).mapInPandas(score, schema=RESULT_SCHEMA)


def audit_with_pipe(df, tact_bin: str = "tact", text_col: str = "body", id_col: str = "id"):
    """Score every message by piping JSON lines through the tact binary.

    tact answers every input line with exactly one output line, in order,
    so each partition's results line up with its messages."""
    from pyspark.sql import functions as F

    spark = df.sparkSession
    lines = df.select(F.to_json(F.struct(F.col(id_col).alias("id"), F.col(text_col).alias("body")))).rdd.map(
        lambda row: row[0]
    )
    command = f"{tact_bin} check --isolated --input-format jsonl --format jsonl -"

    def parse(line: str):
        r = json.loads(line)
        diagnostics = r.get("diagnostics", [])
        return (
            int(r["record"]["id"]),
            r["score"]["value"],
            r["score"]["grade"],
            len(diagnostics),
            ",".join(sorted({d["rule"] for d in diagnostics})),
        )

    return spark.createDataFrame(lines.pipe(command).map(parse), schema=RESULT_SCHEMA)


if __name__ == "__main__":
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("tact audit").getOrCreate()
    messages = spark.read.parquet(sys.argv[1])
    audit_with_package(messages).write.mode("overwrite").parquet(sys.argv[1] + ".tact")
