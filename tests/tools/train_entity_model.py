"""Train the entity model (``helpers/data/entity_model.crfsuite``), or validate it by rotation.

Run from the project root with the project's environment:

    .venv/bin/python tests/tools/train_entity_model.py            # write the shipped model
    .venv/bin/python tests/tools/train_entity_model.py --rotate   # print the rotation table
    .venv/bin/python tests/tools/train_entity_model.py --rotate --record   # and record it

The model is a linear-chain CRF (underthesea_core) over the units of each line of text, with the
rule extractor's own tags among its features (``helpers/entities/model.py``). The shipped model
is trained on every annotated entity set of ``tests/data`` but the held-back split, in the fixed
order of ``helpers.evaluation.MODEL_TRAINING_SETS``, with the fixed parameters of
``helpers.entities.model.TRAINING_PARAMETERS``: the same data give the same predictions (the
file's last digits may differ: the trainer sums some weights in no fixed order).

``--rotate`` leaves out each annotated set in turn, trains on all the other sets and prints strict
F1 on the left-out set for the rules alone and for the rules corrected by the model, then F1 per
label on every left-out set. Rerun the tool after the rules or the annotated sets change: the
model learns to correct the rules as they are.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import checkout  # noqa: F401  (puts this checkout's helpers first on sys.path)
import pandas as pd

from helpers.entities import model
from helpers.evaluation import (
    ENTITY_MODEL_ROTATION,
    MODEL_TRAINING_SETS,
    model_rotation,
    read_jsonl,
)
from helpers.paths import display_path


def train_shipped(path: Path = model.MODEL_PATH) -> None:
    """Train on every annotated set, in the fixed order, and write the model to ``path``."""
    xs, ys = [], []
    for source in MODEL_TRAINING_SETS:
        x, y = model.training_sequences(read_jsonl(source))
        xs += x
        ys += y
    tmp = path.with_suffix(".tmp")
    model.train(xs, ys, tmp)
    tmp.replace(path)  # a half-written model never replaces the shipped one
    print(f"{display_path(path)}: trained on {len(xs)} lines of {len(MODEL_TRAINING_SETS)} sets")


def print_rotation(record: bool = False) -> None:
    table = model_rotation()
    if record:
        # notebook 05 shows the recorded table; tests/test_entity_model.py recomputes it
        tmp = ENTITY_MODEL_ROTATION.with_suffix(".tmp")
        table.round(4).to_csv(tmp, index=False)
        tmp.replace(ENTITY_MODEL_ROTATION)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.to_string(index=False))
        wide = table.pivot_table(index="left out", columns="system", values="F1", sort=False)
        wide["change"] = (wide["rules + model"] - wide["rules"]).round(3)
        print()
        print(wide.to_string())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rotate", action="store_true", help="print the rotation table instead of training"
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help=f"with --rotate, also write the table to {display_path(ENTITY_MODEL_ROTATION)}",
    )
    parser.add_argument(
        "--output", type=Path, default=model.MODEL_PATH, help="where to write the model"
    )
    args = parser.parse_args(argv)
    if args.rotate:
        print_rotation(args.record)
    else:
        train_shipped(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
