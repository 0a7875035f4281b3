"""Session 20 (issue 11, rule-level categories): words that name a topic in passing, and the kinds of
sentence a topic word misfiled, seen on the dev pairs' wrong categories:

- users editing or deleting their own posts (or, as admins, those of their group) is a feature,
  not the provider's power to remove content (taxonomy: content-removal): no watch-out, a word in
  passing;
- "your content" or "user content" named in a sentence about its deletion, security or retention
  is no licence (content-rights);
- "eligible" said of something else than who may use the service ("eligible purchases", "eligible
  for a refund", "eligible for publication"), an embargo on news: no eligibility;
- a password named among the data collected is no rule of use (usage-rules), keeping it secret is;
- "if you do not accept these terms, you may not use the service" is the browsewrap formula
  (acceptance), not a rule of use;
- retention said with "no longer than", personal details named one by one: privacy;
- "if you believe any content is illegal, report it": the notice-and-action route (content-removal).

Invented sentences of fictional services, en/fr/de; the real topics keep their words.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.classify import category_scores, classify_sentence


@pytest.mark.parametrize("text", [
    "You may correct your details in your Plumwick profile and you may edit your posts at any time.",
    "You can also delete any review you wrote on Plumwick.",
    "As a group admin you can remove members and delete messages posted in your group.",
    "Vous pouvez modifier ou supprimer vos avis à tout moment.",
    "Sie können Ihre Beiträge auf Plumwick jederzeit bearbeiten oder löschen.",
])
def test_users_editing_their_own_posts_is_no_removal_power(text: str) -> None:
    lab = classify_sentence(text)
    assert "content-removal" not in lab.watch, lab
    assert category_scores(text).get("content-removal", 0.0) <= 0.5


@pytest.mark.parametrize("text", [
    "Plumwick may remove your posts at any time and without notice.",
    "Nous pouvons supprimer vos avis à tout moment.",
    "Wir können Ihre Beiträge jederzeit löschen.",
    "You can edit your posts, but Plumwick may remove any post that breaks these rules.",
])
def test_the_providers_power_to_remove_content_stays_a_watch_out(text: str) -> None:
    lab = classify_sentence(text)
    assert "content-removal" in lab.watch, lab
    assert category_scores(text)["content-removal"] >= 1.0


@pytest.mark.parametrize("text,gone,kept", [
    # user content named in passing
    ("When you close your Plumwick account, your content is deleted from our servers.", "content-rights", "privacy"),
    ("We typically retain user content no longer than one year, then delete it.", "content-rights", "privacy"),
    # eligible said of something else
    ("Only eligible purchases made in the Plumwick shop count toward your reward points.", "eligibility", ""),
    ("Reporters check that a tip is eligible for publication before they use it.", "eligibility", ""),
    ("We do not publish embargoed news sent to Plumwick.", "eligibility", ""),
    # a password named among the data collected
    ("To create an account you provide your name, email address and a password.", "usage-rules", "privacy"),
    ("Plumwick does not receive the passwords of your social accounts.", "usage-rules", ""),
    # the refusal of the terms
    ("If you do not accept these Terms, you may not use the Plumwick app.", "usage-rules", "acceptance"),
    ("Si vous n'acceptez pas les présentes CGU, vous ne devez pas utiliser le site Plumwick.", "usage-rules",
     "acceptance"),
    ("Wenn Sie mit diesen Bedingungen nicht einverstanden sind, dürfen Sie Plumwick nicht nutzen.", "usage-rules",
     "acceptance"),
    # a defined name of the provider's material, the ownership of a company's shares, a child's
    # abuse among prohibited content
    ("Plumwick may audit any records related to your access to the Licensed Materials.", "content-rights", ""),
    ("Control means the power to direct an entity, whether through ownership of voting securities or "
     "otherwise.", "content-rights", ""),
    ("Do not post child sexual abuse material or personal details of others on Plumwick.", "eligibility",
     "usage-rules"),
    # the copyright takedown procedure is about removing content
    ("A statement that the Notifying Party has a good faith belief that the material is not authorised by the "
     "copyright owner.", "content-rights", "content-removal"),
    # the user's own responsibility is a duty, not the provider's liability
    ("Il est de votre responsabilité de vérifier que votre compte Plumwick est utilisé conformément à la loi.",
     "liability", "usage-rules"),
])
def test_a_word_in_passing_is_no_topic(text: str, gone: str, kept: str) -> None:
    scores = category_scores(text)
    # gone, or only a word in passing beside the sentence's own topic
    assert scores.get(gone, 0.0) <= 0.5 and (not kept or scores.get(gone, 0.0) < scores[kept]), scores
    if kept:
        assert kept in scores, scores
    if not kept:
        assert gone not in scores, scores


@pytest.mark.parametrize("text,topic", [
    ("You must keep your password secret and not share it with anyone.", "usage-rules"),
    ("Gardez votre mot de passe confidentiel.", "usage-rules"),
    ("Halten Sie Ihr Passwort geheim.", "usage-rules"),
    ("You may not use Plumwick if you are located in an embargoed country.", "eligibility"),
    ("You must be eligible to use Plumwick under the laws of your country.", "eligibility"),
    ("Plumwick grants you a worldwide licence to your content.", "content-rights"),
    ("You retain ownership of your content.", "content-rights"),
    ("If you believe that any content on Plumwick is illegal, you may report it using this form.",
     "content-removal"),
    ("We keep your messages no longer than 90 days.", "privacy"),
    ("Notre responsabilité est limitée au montant payé pour Plumwick.", "liability"),
    ("Children under 13 may not use Plumwick.", "eligibility"),
    ("Plumwick grants you a licensed copy of the app, not ownership of it.", "content-rights"),
    ("You retain ownership of the stories you publish on Plumwick.", "content-rights"),
    ("Members of banned groups are not permitted to use this product.", "eligibility"),
    ("Residents of Freedonia are not allowed to use the Plumwick app unless they hold a permit.", "eligibility"),
])
def test_the_real_topics_keep_their_words(text: str, topic: str) -> None:
    assert topic in category_scores(text), category_scores(text)


@pytest.mark.parametrize("text", [
    "You are not permitted to use the service to send spam.",
    "Users are not allowed to use the app to harass others.",
])
def test_a_barred_use_is_a_rule_of_use_not_eligibility(text: str) -> None:
    assert "eligibility" not in category_scores(text), category_scores(text)


BASE = """\
# Plumwick Nutzungsbedingungen

## 1. Ihre Beiträge

Mit Plumwick können Sie kurze Geschichten veröffentlichen und die Geschichten anderer kommentieren.

## 2. Preise

Plumwick Plus kostet 4 € pro Monat.
"""


@pytest.mark.parametrize("sentence,critical", [
    ("Sie können Ihre Beiträge jederzeit bearbeiten oder löschen.", False),
    ("Wir können Ihre Beiträge jederzeit ohne Vorankündigung löschen.", True),
])
def test_only_the_providers_power_to_remove_posts_is_a_new_watch_out(monkeypatch, sentence: str,
                                                                     critical: bool) -> None:
    monkeypatch.setenv("TRACKER_CATEGORIES", "rules")
    a = analyse(BASE, BASE.replace("kommentieren.\n", f"kommentieren.\n\n{sentence}\n"))
    assert a.material and a.categories == ("content-removal",), (a.categories, a.summary)
    assert (a.severity == "critical") is critical, (a.severity, [c.explanation for c in a.changes])
