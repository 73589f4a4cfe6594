"""The scorer the README and notebook 05 cite is in the project and reads the project's data."""

import json
import subprocess
import sys

from helpers.evaluation import ENTITY_HELDOUT_NEWS
from helpers.paths import PROJECT_ROOT

SCORER = PROJECT_ROOT / "tests" / "eval" / "score.py"


def _score(task: str, spec: str, gold, cwd) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCORER), task, spec, str(gold), "--json"],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_scorer_gives_gold_entities_full_marks_and_counts_misses(tmp_path):
    gold = [json.loads(line) for line in ENTITY_HELDOUT_NEWS.read_text("utf-8").splitlines()]
    by_text = {ex["text"]: ex["entities"] for ex in gold}
    (tmp_path / "gold_module.py").write_text(
        "import json\n"
        f"GOLD = json.loads({json.dumps(json.dumps(by_text, ensure_ascii=False))})\n"
        "def same(text):\n    return GOLD[text]\n"
        "def first_missing(text):\n    return GOLD[text][1:]\n",
        "utf-8",
    )
    mentions = sum(len(ex["entities"]) for ex in gold)
    same = _score("entities", "gold_module:same", ENTITY_HELDOUT_NEWS, tmp_path)
    assert same["strict"]["f1"] == 1.0 and same["strict"]["tp"] == mentions
    missing = _score("entities", "gold_module:first_missing", ENTITY_HELDOUT_NEWS, tmp_path)
    lines_with_entities = sum(1 for ex in gold if ex["entities"])
    assert missing["strict"]["fn"] == lines_with_entities
    assert missing["strict"]["precision"] == 1.0 and missing["strict"]["recall"] < 1.0


def test_the_scorer_scores_segmentation(tmp_path):
    gold = tmp_path / "words.jsonl"
    gold.write_text(
        json.dumps({"text": "Hai bên chống khủng bố", "words": ["Hai", "bên", "chống", "khủng bố"]})
        + "\n",
        "utf-8",
    )
    (tmp_path / "split_module.py").write_text(
        "def syllables(text):\n    return text.split()\n", "utf-8"
    )
    result = _score("segmentation", "split_module:syllables", gold, tmp_path)
    # "khủng bố" as two syllables: 3 of 5 predicted words right, 3 of 4 gold words found
    assert (result["tp"], result["fp"], result["fn"]) == (3, 2, 1)
