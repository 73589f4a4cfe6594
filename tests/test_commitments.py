from helpers.commitments import commitments, commitments_by_actor_and_theme
from helpers.evaluation import COMMITMENTS_NEWS, COMMITMENTS_STATEMENT, commitment_scores


def test_commitments_on_the_statement_meet_the_target():
    scores = commitment_scores(COMMITMENTS_STATEMENT)
    assert scores["precision"] >= 0.8 and scores["recall"] >= 0.8


def test_commitments_generalise_to_other_parties():
    # News-style paragraphs about Vietnam, Japan, Russia, ... (development data since tuning).
    scores = commitment_scores(COMMITMENTS_NEWS)
    assert scores["precision"] >= 0.85 and scores["recall"] >= 0.8


def test_joint_subject_and_carried_over_clause():
    text = "Hai bên nhất trí tăng cường hợp tác an ninh, đồng thời hoan nghênh đầu tư mới."
    rows = commitments(text)
    assert list(zip(rows["actor"], rows["verb"], strict=True)) == [
        ("both", "nhất trí"),
        ("both", "hoan nghênh"),
    ]
    assert list(rows["subject"]) == ["Hai bên", ""]
    assert text[rows.iloc[1]["start"] : rows.iloc[1]["end"]] == "hoan nghênh"
    assert rows.iloc[0]["theme"] == "security"


def test_person_speaks_for_the_country_in_their_title():
    text = (
        "Bộ trưởng Ngoại giao Nhật Bản Motegi Toshimitsu thăm Hà Nội. "
        "Ông Motegi Toshimitsu khẳng định Tokyo coi trọng quan hệ với Việt Nam."
    )
    rows = commitments(text)
    assert list(zip(rows["actor"], rows["verb"], strict=True)) == [("Japan", "khẳng định")]


def test_nouns_and_nested_verbs_are_not_rows():
    text = (
        "Pakistan tái khẳng định cam kết của mình đối với nguyên tắc này. "
        "Chủ tịch nước Lương Cường khẳng định Việt Nam ủng hộ chủ nghĩa đa phương."
    )
    rows = commitments(text)
    assert list(zip(rows["actor"], rows["verb"], strict=True)) == [
        ("Pakistan", "tái khẳng định"),
        ("Vietnam", "khẳng định"),
    ]


def test_coordinated_objects_give_one_row_each():
    text = "Hai nước nhất trí thúc đẩy thương mại, mở rộng đầu tư và tăng cường giao lưu nhân dân."
    rows = commitments(text)
    assert list(rows["object"]) == [
        "thúc đẩy thương mại",
        "mở rộng đầu tư",
        "tăng cường giao lưu nhân dân",
    ]
    assert set(rows["verb"]) == {"nhất trí"}


def test_counts_per_actor_and_theme(statement):
    counts = commitments_by_actor_and_theme(commitments(statement))
    assert list(counts.index)[0] == "both"
    assert set(counts.index) == {"both", "China", "Pakistan"}
    assert counts.values.sum() == len(commitments(statement))


def test_object_keeps_a_short_last_conjunct():
    text = "Việt Nam cam kết tăng cường hợp tác với Campuchia và Lào."
    rows = commitments(text)
    assert list(rows["object"]) == ["tăng cường hợp tác với Campuchia và Lào"]


def test_sentences_a_careful_reader_gets_right():
    cases = {
        # "bản" ends the name Nhật Bản (Japan); it is no nominaliser here
        "Nhật Bản cam kết hỗ trợ Việt Nam.": [("Japan", "cam kết", "hỗ trợ Việt Nam")],
        # two stance verbs joined by "và": each keeps its own object
        "Hai bên hoan nghênh kết quả hội nghị và nhất trí tiếp tục hợp tác.": [
            ("both", "hoan nghênh", "kết quả hội nghị"),
            ("both", "nhất trí", "tiếp tục hợp tác"),
        ],
        # the segmenter used to glue "cam kết thúc đẩy" into one word
        "Hai bên cam kết thúc đẩy hợp tác.": [("both", "cam kết", "thúc đẩy hợp tác")],
        # a capital for its government, under GeoNames' name "Washington"
        "Theo Reuters, Washington phản đối kế hoạch này.": [
            ("United States", "phản đối", "kế hoạch này")
        ],
    }
    for text, expected in cases.items():
        rows = commitments(text)
        got = list(zip(rows["actor"], rows["verb"], rows["object"], strict=True))
        assert got == expected, text
