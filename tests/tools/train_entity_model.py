"""Train the entity model (``helpers/data/entity_model.crfsuite``), or validate it by rotation.

Run from the project root with the project's environment:

    .venv/bin/python tests/tools/train_entity_model.py            # write the shipped model
    .venv/bin/python tests/tools/train_entity_model.py --rotate   # print the rotation table

The model is a linear-chain CRF (underthesea_core) over the units of each line of text, with the
rule extractor's own tags among its features (``helpers/entities/model.py``). The shipped model
is trained on every annotated entity set of ``tests/data`` in the fixed order of
``helpers.evaluation.MODEL_TRAINING_SETS``, with the fixed parameters of
``helpers.entities.model.TRAINING_PARAMETERS``: the same data give the same file.

``--rotate`` leaves out each archive set in turn, trains on all the other sets and prints strict
F1 on the left-out set for the rules alone and for the rules corrected by the model, then F1 per
label on every left-out set. Rerun the tool after the rules or the annotated sets change: the
model learns to correct the rules as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from helpers.entities import model  # noqa: E402
from helpers.evaluation import MODEL_TRAINING_SETS, model_rotation, read_jsonl  # noqa: E402
from helpers.paths import display_path  # noqa: E402


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


def print_rotation() -> None:
    table = model_rotation()
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
        "--output", type=Path, default=model.MODEL_PATH, help="where to write the model"
    )
    args = parser.parse_args(argv)
    if args.rotate:
        print_rotation()
    else:
        train_shipped(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
