"""Renames and same-meaning rewordings that are no change of terms (issue 11, helper fp35a).

Kinds of false "material" verdicts on real version pairs, each shown with invented texts of
fictional services and a near miss that must keep its verdict:

* a product name the text defines ("**Quillo Spark** refers to our generative AI services and
  features") replaced throughout by the words of its definition, in one clause with another noun
  that only says the thing is offered ("generative AI features" elsewhere, "generative AI
  assistance" here): the same thing named another way (``materiality._renamed_variant``,
  ``restating.OFFERING_NOUNS``), and a term set in bold before its defining verb is a defined term
  (``restating._EMPHASISED_TERM``);
* one more quoted name added to the names a parenthesis defines ("(collectively, the “Platform”
  or “Zapverse”{+ or “Zap Engine”+})"): the thing defined is what the words before it say
  (``materiality._alias_in_definition``);
* what a set of rules is for, reworded ("Our policies are designed to give users information to
  weigh the costs ..." → "Acme Ads policies are designed to provide users with the information
  they need ..."): an aim, no rule of it (``boilerplate._MISSION``);
* the near miss of a rename: a name replaced by another thing both versions name ("the Pro plan"
  → "the Free plan" in a refund clause, both plans offered before and after) is no rename and no
  rewording: the clause now reaches the other plan (``materiality._other_named_thing``);
* and a miss: acceptance said as a condition ("If you order or register any Zapbox device, you
  agree to the following terms") widened to mere use ("... order, register or use any Zapbox
  device, or download any Zapbox software ..."): the clause had no topic, so its change read as a
  rewording; it is the acceptance topic (``classify``'s "use means agreement").

Whole documents go through ``analyse``.
"""

from __future__ import annotations

from tracker.analysis import analyse
from tracker.analysis.boilerplate import is_mission_statement
from tracker.analysis.classify import category_scores
from tracker.analysis.restating import defined_terms, spelled_out

HEAD = "# Quillo Writing Terms\n\nLast updated: 3 March 2031\n\n"


def _spark(name: str, features: str, limit_name: str, extra: str = "") -> str:
    """A fictional terms text whose AI product is called ``name`` in most clauses."""
    return HEAD + "\n\n".join([
        "## 1. Your account\n\nYou must keep your password safe. We may close your account if you break these terms.",
        f"## 2. Your use of {name}\n\nAdditional terms apply when you use {name}.",
        f"_Generated content._ You may use {name} to submit inputs and receive generated outputs. When you use "
        f"{name}, the inputs and outputs are your User Data.",
        f"_Usage limits._ Depending on your plan, you may have a limit on your use of {name}. If you exceed the "
        f"limit, you may be required to purchase additional usage to continue using {limit_name} and Quillo may "
        f"suspend or degrade performance of the {features}.",
        f"You acknowledge that any purchased usage for {limit_name} is tied to your Quillo plan, and account "
        "termination will invalidate any remaining purchased usage.",
        f"_Usage restrictions._ You may not use {name} to mislead anyone that its outputs were written by a person.",
        "## 3. Fees\n\nWe charge the fee shown on the pricing page each month." + extra,
    ]) + "\n"


OLD_SPARK = _spark("Quillo Spark", "Quillo Spark features", "Quillo Spark").replace(
    "Additional terms apply when you use Quillo Spark.",
    "Additional terms apply when you use Quillo Spark. **Quillo Spark** refers to our generative AI services and "
    "features.")


def test_bold_term_before_its_defining_verb_is_a_defined_term():
    terms = defined_terms("Extra terms apply. **Quillo Spark** refers to our generative AI services and features.")
    assert ("quillo", "spark") in terms
    assert {"generative", "featur"} <= terms[("quillo", "spark")] or "featur" in terms[("quillo", "spark")]


def test_bold_word_without_a_defining_verb_defines_nothing():
    assert defined_terms("**Quillo Spark** is available in English only (see the help centre).") == {}


def test_defined_name_spelled_out_with_an_offering_noun_is_a_rewording():
    old = "Extra terms apply. **Quillo Spark** refers to our generative AI services and features."
    new = "Extra terms apply to generative AI assistance."
    before = "Any purchased usage for Quillo Spark is tied to your plan."
    after = "Any purchased usage for generative AI assistance is tied to your plan."
    assert spelled_out(["quillo", "spark"], ["generative", "ai", "assistance"], before, after, old, new)


def test_defined_name_replaced_by_an_offering_noun_of_its_definition_is_a_rewording():
    # (as before: "services" is a word of the definition itself)
    old = "Our websites and services (collectively, the “Platform”) are run by Zapnote."
    before = "We run the Platform from Ireland."
    after = "We run our services from Ireland."
    assert spelled_out(["platform"], ["services"], before, after, old, old.replace("“Platform”", "“Site”"))


def test_defined_name_replaced_by_an_offering_noun_alone_is_no_rewording():
    # "tools" alone, no word of the definition: the name dropped for a bare noun
    old = "Extra terms apply. **Quillo Spark** refers to our generative AI services and features."
    new = "Extra terms apply to our tools."
    before = "Any purchased usage for Quillo Spark is tied to your plan."
    after = "Any purchased usage for the tools is tied to your plan."
    assert not spelled_out(["quillo", "spark"], ["tools"], before, after, old, new)


def test_product_renamed_to_its_description_throughout_is_not_material():
    new = _spark("generative AI features", "generative AI features", "generative AI assistance")
    a = analyse(OLD_SPARK, new)
    assert not a.material, [c.explanation for c in a.changes if c.material]


def test_product_renamed_but_usage_no_longer_tied_to_the_plan_stays_material():
    # near miss: the same rename, and purchased usage now survives termination
    new = _spark("generative AI features", "generative AI features", "generative AI assistance").replace(
        "and account termination will invalidate any remaining purchased usage",
        "and any remaining purchased usage will be refunded when your account is terminated")
    assert analyse(OLD_SPARK, new).material


def test_product_renamed_to_a_narrower_wording_stays_material():
    # near miss: the limit now reaches image generation only, a word of no definition and no offering noun
    new = _spark("generative AI features", "generative AI features", "generative AI image generation")
    assert analyse(OLD_SPARK, new).material


ZAP_HEAD = "# Zapverse Privacy Policy\n\nLast updated: 3 March 2031\n\n"
ZAP_REST = ("\n\n## 1. Data we collect\n\nWe collect your email address and the worlds you build to run the Platform. "
            "We share your email address with no one.\n\n## 2. Contact\n\nWrite to our support team from the help "
            "centre.\n")
ZAP_SCOPE = ("This policy applies to your use of the apps and websites of Zapverse (collectively, the “**Platform**” or "
             "“**Zapverse**”{more}) provided by Zapverse Labs Inc. (“**ZL**”, or “**we**”).")


def _zap(more: str = "", scope: str = ZAP_SCOPE) -> str:
    return ZAP_HEAD + scope.replace("{more}", more) + ZAP_REST


def test_name_added_to_a_defined_terms_names_is_not_material():
    a = analyse(_zap(), _zap(" or “**Zap Engine**”"))
    assert not a.material, [c.explanation for c in a.changes if c.material]


def test_name_dropped_from_a_defined_terms_names_is_not_material():
    assert not analyse(_zap(" or “Zap Engine”"), _zap()).material


def test_company_added_beside_the_provider_stays_material():
    # near miss: another company named as "we", a new party, not another name of the Platform
    scope = ("This policy applies to your use of the apps and websites of Zapverse (collectively, the “Platform”) "
             "provided by Zapverse Labs Inc. (“ZL”, or “we”{more}).")
    assert analyse(_zap(scope=scope), _zap(" or “Zapverse Europe GmbH”", scope=scope)).material


def test_name_added_outside_a_definition_stays_material():
    # near miss: the policy now applies to another product, named in the sentence, not in the list of names
    base = ZAP_SCOPE.replace("apps and websites of Zapverse", "apps and websites of Zapverse{more}").replace(
        "“**Zapverse**”{more})", "“**Zapverse**”)")
    assert analyse(_zap(scope=base), _zap(" and Zap Engine", scope=base)).material


ADS_HEAD = "# Brightcast Ads Financial Services Policy\n\nLast updated: 3 March 2031\n\n"
ADS_REST = ("\n\nAdvertisers must show the annual percentage rate of every loan they promote. Ads for payday loans are "
            "not allowed.\n\n## Contact\n\nWrite to our policy team from the help centre.\n")
AIM_OLD = ("Our policies are designed to give users information to weigh the costs associated with financial products "
           "and services, and to protect users from harmful or deceitful practices.")
AIM_NEW = ("Brightcast Ads policies are designed to provide users with the information they need to weigh the costs of "
           "financial products and services and to protect them from harmful or deceptive practices.")


def test_aim_of_a_policy_reworded_is_not_material():
    a = analyse(ADS_HEAD + AIM_OLD + ADS_REST, ADS_HEAD + AIM_NEW + ADS_REST)
    assert not a.material, [c.explanation for c in a.changes if c.material]


def test_aim_with_a_rule_in_it_stays_material():
    # near miss: the reworded aim now carries a rule of its own
    new = AIM_NEW.replace("deceptive practices.", "deceptive practices, and we will remove any ad that hides its fees.")
    assert analyse(ADS_HEAD + AIM_OLD + ADS_REST, ADS_HEAD + new + ADS_REST).material


def test_aim_and_its_mission_pattern():
    assert is_mission_statement(AIM_OLD) and is_mission_statement(AIM_NEW)
    assert is_mission_statement("These guidelines are intended to help creators share their work safely.")
    assert not is_mission_statement("These guidelines are intended to help creators, and you must not post spam.")
    assert not is_mission_statement("Our policies are designed to protect users, so we only show ads to adults.")


DEVICE_HEAD = "# Zapbox Device Terms\n\n"
DEVICE_REST = ("\n\n1. The Zapbox device is covered by a one-year limited warranty.\n\n2. We may update the device "
               "software automatically.\n\n## Contact\n\nWrite to our support team from the help centre.\n")
ACCEPT_OLD = "If you place an order for or register any Zapbox device, you agree to the following terms:"


def test_acceptance_widened_to_mere_use_is_material():
    new = ("If you place an order for, register, or use any Zapbox device, or if you download, access or otherwise "
           "use any Zapbox software, you agree to the following terms:")
    a = analyse(DEVICE_HEAD + ACCEPT_OLD + DEVICE_REST, DEVICE_HEAD + new + DEVICE_REST)
    assert a.material
    assert "acceptance" in a.categories


def test_acceptance_condition_reworded_is_not_material():
    # near miss: the same acts, said with "then"
    new = "If you place an order for or register any Zapbox device, then you agree to the following terms:"
    assert not analyse(DEVICE_HEAD + ACCEPT_OLD + DEVICE_REST, DEVICE_HEAD + new + DEVICE_REST).material


def test_acceptance_condition_is_the_acceptance_topic():
    assert "acceptance" in category_scores("If you register for a Zapbox account, you agree to these terms.")
    assert "acceptance" not in category_scores("If you have questions about these terms, you can write to us.")


PLANS_HEAD = ("# Zapnote Terms\n\nLast updated: 3 March 2031\n\n## Plans\n\nZapnote offers a Free plan and a Pro plan. "
              "The Pro plan costs 5 USD per month.\n\n## Refunds\n\n")
PLANS_TAIL = "\n\n## Contact\n\nWrite to us from the help centre.\n"
REFUND = "You may ask for a refund of the Pro plan within 14 days."


def test_clause_moved_to_another_plan_both_versions_offer_is_material():
    new = REFUND.replace("Pro plan", "Free plan")
    a = analyse(PLANS_HEAD + REFUND + PLANS_TAIL, PLANS_HEAD + new + PLANS_TAIL)
    assert a.material
    assert "refunds" in a.categories


def test_plan_renamed_everywhere_is_not_material():
    # near miss: the Pro plan renamed Plus throughout, the old name gone
    old = PLANS_HEAD + REFUND + PLANS_TAIL
    assert not analyse(old, old.replace("Pro plan", "Plus plan")).material


def test_product_name_completed_is_not_material():
    # near miss: the same plan named in full ("the Zapnote Pro plan"), nothing replaced
    new = REFUND.replace("the Pro plan", "the Zapnote Pro plan")
    assert not analyse(PLANS_HEAD + REFUND + PLANS_TAIL, PLANS_HEAD + new + PLANS_TAIL).material


def test_provider_named_by_its_group_is_not_another_thing():
    # near miss: the provider called by its group's name ("Zapnote" → "Inkwell", owner of Zapnote), both
    # named before and after: one party, not another thing the clause now reaches
    head = PLANS_HEAD.replace("Zapnote offers", "Zapnote, owned by the Inkwell group, offers").replace(
        "## Refunds", "## Privacy")
    old = ("Under Article 27 of the GDPR, Zapnote has named Borlo as its GDPR representative, who handles questions "
           "about your personal data.")
    new = old.replace("Zapnote has", "Inkwell has")
    assert not analyse(head + old + PLANS_TAIL, head + new + PLANS_TAIL).material
