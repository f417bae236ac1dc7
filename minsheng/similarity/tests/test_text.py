"""Bigrams, weights and places: the pieces every similarity score is built from."""

from minsheng.similarity import text


def test_bigrams_split_at_punctuation_and_fold_full_width():
    assert text.bigrams("拆迁，补偿ＡＢ") == ["拆迁", "补偿", "偿a", "ab"]


def test_a_rare_word_weighs_more_than_a_formula_of_the_board():
    assert text.idf("迁补") > text.idf("您好")
    assert text.is_common("您好") and not text.is_common("迁补")


def test_cosine_is_one_for_the_same_text_and_lower_for_a_paraphrase():
    a = text.vector("丽景小区物业乱收停车费，请有关部门查处")
    b = text.vector("丽景小区的物业公司违规收取停车费")
    c = text.vector("东关村村道破损严重无人修")
    assert abs(text.cosine(a, a) - 1.0) < 1e-9
    assert text.cosine(a, b) > 0.3 > text.cosine(a, c)


def test_packed_vectors_keep_the_heaviest_entries_and_score_alike():
    full = text.vector("丽景小区物业乱收停车费，请有关部门查处，业主多次反映无果")
    packed = text.unpack(text.pack(full, size=8))
    assert len(packed) == 8
    assert set(packed) <= set(full)
    assert min(packed.values()) >= sorted(full.values(), reverse=True)[7] - 1e-4


def test_places_name_estates_villages_and_districts_but_not_pronouns():
    found = text.places("我家住在A市A3区丽景小区3栋，我们小区的物业公司乱收费，云中镇东关村也有")
    assert found == {"a3区": True, "丽景小区": False, "云中镇": True, "东关村": False}


def test_term_ids_are_stable_signed_32_bit_integers():
    assert text.term_id("拆迁") == text.term_id("拆迁")
    assert -(2**31) <= text.term_id("拆迁") < 2**31
    assert text.term_id("拆迁") != text.term_id("补偿")
