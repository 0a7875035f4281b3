"""Classification of fictional clauses: every category, watch vs topic, evidence, corpus floor."""

import json

import pytest

from tracker.analysis.classify import CATEGORIES, classify_many, classify_text, split_sentences

# One fictional sentence per category (cased, with punctuation), about the made-up "Zorblio".
EXAMPLES = {
    "pricing": "Each Zorblio request costs $0.002 per token.",
    "payment": "We bill your card through Stripe and you pay all applicable taxes.",
    "refunds": "Zorblio credits are non-refundable.",
    "subscription": "Your Zorblio Plus subscription renews automatically each month.",
    "arbitration": "The arbitrator will be selected under the AAA rules.",
    "class-action": "You waive any right to a jury trial or to join a class action against Zorblio.",
    "governing-law": "These Terms are governed by the laws of the State of Delaware.",
    "jurisdiction": "Claims must be brought in the state or federal courts located in Travis County, Texas.",
    "liability": "Zorblio will not be liable for any indirect or consequential damages.",
    "indemnity": "You agree to indemnify and hold harmless Zorblio and its staff.",
    "termination": "Zorblio may suspend or terminate your account if you breach these Terms.",
    "terms-changes": "We will post any changes to these Terms on this page.",
    "content-removal": "Moderators may remove any content you post that breaks the rules.",
    "content-rights": "You keep ownership of your inputs and outputs, and we claim no copyright in them.",
    "privacy": "We collect your IP address and use cookies to keep you signed in.",
    "ai-training": "Zorblio may use your prompts to train and improve its models.",
    "acceptance": "By using Zorblio you agree to these Terms.",
    "eligibility": "Users under 13 are not allowed to use Zorblio.",
    "service-changes": "Zorblio is in beta and some models may be deprecated after a grace period.",
    "usage-rules": "You must not reverse engineer Zorblio or scrape its website.",
    "other": "The parties hereby waive the requirement of written form for amendments.",
}

# The corpus's style: lowercased and tokenised.
TOKENISED = {
    "arbitration": "any dispute with quibblr will be resolved by binding arbitration .",
    "liability": "quibblr shall not be liable for any loss of data , profits or revenue .",
    "termination": "we may terminate your quibblr account at any time , without notice .",
    "acceptance": "by accessing quibblr you agree to be bound by these terms .",
    "refunds": "quibblr credits are non-refundable and do n't roll over .",
}


def test_categories_are_the_taxonomy_ids_in_order():
    assert len(CATEGORIES) == 21
    assert CATEGORIES[0] == "pricing" and CATEGORIES[-1] == "other"
    assert set(EXAMPLES) == set(CATEGORIES)


@pytest.mark.parametrize("category,text", sorted(EXAMPLES.items()))
def test_each_category_has_a_fictional_example(category, text):
    assert category in classify_text(text).categories


@pytest.mark.parametrize("category,text", sorted(TOKENISED.items()))
def test_lowercased_tokenised_text(category, text):
    assert category in classify_text(text).categories


def test_watch_is_narrow_topic_is_broad():
    rules = classify_text("The arbitrator will be selected under the AAA rules.")
    assert "arbitration" in rules.categories and "arbitration" not in rules.watch
    binding = classify_text("All disputes shall be resolved exclusively by binding arbitration.")
    assert "arbitration" in binding.watch


@pytest.mark.parametrize("text,category", [
    ("Zorblio may terminate your account at any time without notice.", "termination"),
    ("We may modify these Terms at any time in our sole discretion.", "terms-changes"),
    ("Zorblio credits are non-refundable and expire after 12 months.", "refunds"),
    ("You agree to defend, indemnify and hold harmless Zorblio.", "indemnity"),
    ("You waive your right to participate in a class action.", "class-action"),
    ("We may use your conversations to train our models.", "ai-training"),
])
def test_watch_outs(text, category):
    assert category in classify_text(text).watch


def test_negated_ai_training_is_a_topic_not_a_watch_out():
    labels = classify_text("Zorblio does not use your prompts to train its models.")
    assert "ai-training" in labels.categories and "ai-training" not in labels.watch


def test_watch_is_always_a_subset_of_categories():
    for labels in classify_many(list(EXAMPLES.values()) + list(TOKENISED.values())):
        assert set(labels.watch) <= set(labels.categories)
        assert list(labels.categories) == sorted(labels.categories, key=CATEGORIES.index)


def test_evidence_names_the_matched_words():
    labels = classify_text("Zorblio credits are non-refundable.")
    refunds = [e for e in labels.evidence if e.category == "refunds"]
    assert refunds and any("non refundable" in e.detail for e in refunds)
    model = classify_text("All disputes shall be resolved exclusively by binding arbitration.")
    ev = [e for e in model.evidence if e.kind == "model" and e.category == "arbitration"]
    assert ev and "arbitration" in ev[0].detail and "score" in ev[0].detail


def test_long_clause_is_the_union_of_its_sentences():
    clause = ("Zorblio credits are non-refundable. These Terms are governed by the laws of "
              "Ontario. We collect your email address.")
    assert len(split_sentences(clause)) == 3
    cats = classify_text(clause).categories
    assert {"refunds", "governing-law", "privacy"} <= set(cats)


def test_navigation_text_has_no_category():
    assert classify_text("Home | Blog | Careers | Contact").categories == ()


def test_to_dict_is_json_ready():
    d = classify_text("By using Zorblio you agree to these Terms.").to_dict()
    assert json.loads(json.dumps(d))["categories"] == ["acceptance"]


def test_claudette_validation_macro_f1_floor(shared_data):
    claudette = shared_data("claudette/unfair_tos_trainval.jsonl")
    labels = {"a": "arbitration", "ch": "terms-changes", "cr": "content-removal",
              "j": "jurisdiction", "law": "governing-law", "ltd": "liability",
              "ter": "termination", "use": "acceptance"}
    rows = [json.loads(x) for x in claudette.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "validation"]
    preds = classify_many(r["text"] for r in rows)
    f1s = []
    for short, cat in labels.items():
        tp = sum(short in r["labels"] and cat in p.watch for r, p in zip(rows, preds))
        fp = sum(short not in r["labels"] and cat in p.watch for r, p in zip(rows, preds))
        fn = sum(short in r["labels"] and cat not in p.watch for r, p in zip(rows, preds))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    assert sum(f1s) / len(f1s) >= 0.62


# --- topic precision: the words must be about the category, not only look like it -------------
@pytest.mark.parametrize("text,category", [
    # "forum" as a discussion board is not a venue; with disputes or courts it is.
    ("Release notes appear in the Quibblr developer forum every Tuesday.", "jurisdiction"),
    # a product or model being removed is not user content being removed
    ("Before an old engine is retired, we will post a banner on the status page.",
     "content-removal"),
    ("Zorblio may close your workspace straight away and without warning.", "content-removal"),
    # "outputs" alone is not a licence or ownership term
    ("Zorblio logs the outputs of each job for debugging.", "content-rights"),
    # investigating abuse is not a conduct rule
    ("Support staff read flagged tickets to investigate abuse.", "usage-rules"),
])
def test_look_alike_words_do_not_give_a_category(text, category):
    assert category not in classify_text(text).categories


@pytest.mark.parametrize("text,category", [
    ("Any claim against Quibblr must be brought in a forum located in Ontario.", "jurisdiction"),
    ("Quibblr keeps your chat transcripts for 60 days and then erases them.", "privacy"),
    ("Voice recordings are retained until you close your account.", "privacy"),
    ("You may opt out of having your prompts used for training in the privacy settings.",
     "privacy"),
    ("Retired engines are removed from the API after the grace period.", "service-changes"),
    ("Quibblr may take down any listing you upload without telling you.", "content-removal"),
    ("Posts that break the house rules may be hidden or removed by moderators.",
     "content-removal"),
])
def test_category_from_context(text, category):
    assert category in classify_text(text).categories


def test_account_closure_alone_is_not_content_removal_even_for_the_model():
    labels = classify_text("Quibblr may cut off your access at once, without notice, for any "
                           "reason.")
    assert "termination" in labels.watch
    assert "content-removal" not in labels.categories


@pytest.mark.parametrize("text", [
    "Each party may pursue claims against the other solely in its individual capacity and not "
    "as a class member in any putative class proceeding.",
    "You may bring claims only on an individual basis, not as a plaintiff in any class action.",
])
def test_individual_capacity_is_a_class_action_watch_out(text):
    assert "class-action" in classify_text(text).watch


def test_stem_features_are_part_of_the_model_input():
    from tracker.analysis.classify import features, normalize
    assert "S:arbit" in features(normalize("The arbitrator decides."))


# --- the model does not decide on a fragment; it reads a sentence's context ----------------------
@pytest.mark.parametrize("text", ["Legal notice.", "Termination", "Changes to these terms",
                                  "Zorblio account closure", "Governing law and venue"])
def test_the_model_does_not_decide_on_a_fragment(text):
    from tracker.analysis.classify import is_fragment
    assert is_fragment(text)
    assert not [e for e in classify_text(text).evidence if e.kind == "model"]


def test_a_rule_still_speaks_on_a_short_term():
    from tracker.analysis.classify import is_fragment
    assert is_fragment("No refunds.")
    assert "refunds" in classify_text("No refunds.").watch
    assert not is_fragment("Zorblio may close accounts.")


def test_context_blocks_are_scored_on_their_own():
    # The shipped model was chosen without context (grouped CV: no gain); the runtime still reads
    # context blocks when a model carries them, each normalised on its own.
    from dataclasses import replace

    from tracker.analysis.classify import _context_block, _model, features, model_scores, normalize
    model = _model()
    assert model is not None
    weighted = dict(model.table)
    weighted["P:terminate"] = (4.0, *(1.0 if c == "termination" else 0.0 for c in model.labels))
    framed_model = replace(model, table=weighted, context=True)
    feats = features(normalize("This applies to every Zorblio plan."))
    context = {"P": set(_context_block("P", "Zorblio may terminate your account at any time."))}
    assert "P:terminate" in context["P"]
    alone, framed = model_scores(feats, framed_model), model_scores(feats, framed_model, context)
    termination = model.labels.index("termination")
    assert framed[termination] > alone[termination]
    assert [round(a, 9) for i, a in enumerate(alone) if i != termination] == \
        [round(f, 9) for i, f in enumerate(framed) if i != termination]


# --- the char block: words the model never saw still count through their letters ---------------
def test_char_grams_are_scikit_learns_char_wb():
    text = pytest.importorskip("sklearn.feature_extraction.text")
    from tracker.analysis.classify import char_grams
    analyzer = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for token in ("arbitration", "fee", "a", "zorblio"):
        assert sorted(char_grams(token)) == sorted(analyzer(token))


def test_an_unseen_inflection_scores_through_the_char_block():
    # The shipped model has no char block (grouped CV: +1.2 macro-F1, within noise, for 30% more
    # time); the runtime reads one when a model carries it. Give arbitration weight to the
    # n-grams of "arbitration" and read a word the model never saw.
    from dataclasses import replace

    from tracker.analysis.classify import (_model, char_grams, contributions, features,
                                           model_scores, normalize)
    model = _model()
    assert model is not None
    arbitration = model.labels.index("arbitration")
    vec = tuple(0.5 if i == arbitration else 0.0 for i in range(len(model.labels)))
    chars = {g: (1.0, vec) for g in char_grams("arbitration")}
    chars[" zo"] = (1.0, None)  # in the norm only
    framed = replace(model, chars=chars, char_cache={})
    word = "arbitrationwise"  # no such word anywhere: no word feature
    assert word not in model.table
    norm = normalize(f"Claims go {word}.")
    feats, tokens = features(norm), set(norm.split())
    plain, read = model_scores(feats, model, tokens=tokens), model_scores(feats, framed, tokens=tokens)
    assert read[arbitration] > plain[arbitration]
    assert [round(a, 9) for i, a in enumerate(plain) if i != arbitration] == \
        [round(b, 9) for i, b in enumerate(read) if i != arbitration]
    shares = {f: x for x, f in contributions(feats, framed, arbitration, tokens=tokens)}
    assert shares[word + "~"] > 0


def test_the_model_read_back_from_its_cache_is_the_model_built_from_its_json(tmp_path, monkeypatch):
    """The built tables are kept under TRACKER_CACHE_DIR and read back by the next process
    (here: after forgetting the loaded model) exactly as built; a file of another code version
    is removed, and an unreadable cache file is rebuilt, not an error."""
    from tracker.analysis import classify

    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "watch-0-000000000000-py311.marshal"
    stale.write_bytes(b"old")
    classify._model.cache_clear()
    try:
        built = classify._model()
        files = list(tmp_path.glob("watch-*.marshal"))
        assert built is not None and len(files) == 1 and files[0] == classify._model_cache()
        assert not stale.exists() or stale == files[0]
        classify._model.cache_clear()
        assert classify._model() == built  # read back from the file: every table equal
        files[0].write_bytes(b"\x00garbage")
        classify._model.cache_clear()
        assert classify._model() == built  # rebuilt from the JSON
        monkeypatch.setenv("TRACKER_CACHE_DIR", "off")
        assert classify._model_cache() is None
    finally:
        classify._model.cache_clear()


@pytest.mark.parametrize("text", [
    "Brightloom may suspend your account; see [the policy](https://brightloom.example/policy).",
    "We don't refund fees, and you can’t transfer credits (details at www.brightloom.example).",
    "ARBITRATION: all disputes go to binding arbitration in Lisbon, Portugal.",
    "a b c",
    "",
])
def test_fast_tokens_and_features_match_the_plain_definitions(text):
    """The runtime's shortcuts (substring pre-checks before each regex, a regex for the
    5-letter stems) give the same tokens and features as the plain definitions."""
    import re

    from tracker.analysis.classify import features, normalize, tokens

    plain = re.sub(r"(?:https?://|www\.)\S+", " ", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
    plain = re.sub(r"n['’]t\b", " not", plain.lower())
    assert tokens(text) == re.findall(r"[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0153]+|[$€£%]", plain)
    norm = normalize(text)
    toks = norm.split()
    expected = set(toks) | {f"{a} {b}" for a, b in zip(toks, toks[1:])}
    expected |= {f"S:{t[:5]}" for t in toks if len(t) >= 5}
    got = features(norm, [], [])
    assert got == expected
    assert ("S:arbit" in got) == ("arbitration" in norm)


@pytest.mark.parametrize("text", [
    "Brightloom may suspend your account. It will tell you first!",
    "Fees: see below.\nRefunds are not given.",
    "One sentence only, ending here.",
    "Ends with a colon:  \"Quoted next\" and more; then 2 items? yes",
    "Title\n\n\n- item one\n- item two",
    "a.b.c e.g. this stays one",
    "   ",
    "",
    "Legal notice.",
    "Zorblio's terms don't apply to beta users' plans",
    "one two three four five six",
    "one two three four five six seven",
    "A_B C-D e’f 1,000 ü ß ٣",
])
def test_fast_sentence_split_and_fragment_check_match_the_plain_definitions(text):
    """The shortcuts (no split without a line break or a stop followed by a space; only the
    first seven words read) give what the plain definitions give."""
    import re

    from tracker.analysis.boilerplate import has_verb
    from tracker.analysis.classify import _SENTENCE_END, is_fragment, split_sentences

    assert split_sentences(text) == [s for s in (p.strip() for p in _SENTENCE_END.split(text)) if s]
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower())
    plain = bool(words) and len(words) <= 6 and not has_verb(words, text.rstrip("*_ ").endswith((".", "!", "?")))
    assert is_fragment(text) == plain


@pytest.mark.parametrize("text", [
    "One sentence.", "first part; second part", "Terms: Zorblio may change them. They apply.",
    "a. b", "A.\nB", "End.  \"Quoted\" start", "x:  (1) item", "ok ? Yes", "no split at all",
])
def test_the_split_pre_check_finds_exactly_the_texts_that_split(text):
    from tracker.analysis.classify import _MAY_SPLIT, _SENTENCE_END
    assert bool(_MAY_SPLIT.search(text)) == (len(_SENTENCE_END.split(text)) > 1)


@pytest.mark.parametrize("text, watch", [
    ("For members who live in Germany, you may terminate your subscription after the first year.", False),
    ("Your right to terminate this agreement at any time remains unaffected.", False),
    ("You may terminate your account at any time, and we may suspend your account without notice.", True),
    ("Glimmo may terminate your subscription at any time.", True),
])
def test_the_users_own_right_to_end_the_contract_is_no_termination_watch_out(text, watch):
    """The taxonomy's termination watch-out is the provider's power to end the contract; the
    user's right to do so is about termination but no watch-out (a first-time user saw one marked
    critical; CLAUDETTE labels such sentences fair)."""
    labels = classify_text(text)
    assert "termination" in labels.categories
    assert ("termination" in labels.watch) is watch, labels
