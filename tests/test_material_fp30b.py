"""Session 30 (fp30b): kinds of false "material" flags on real pairs, each with invented texts
and a near miss that must stay material."""

from __future__ import annotations

from tracker.api import compare

# -- a shop's offer banner captured with its terms page, between lines of the page's navigation -----

NAV = "*   Cart (0)\n*   Store Finder\n*   [Sign in](https://shop.example/login)\n\n"
MENU = "\n\n*   [Lamps](https://shop.example/lamps)\n*   [Rugs](https://shop.example/rugs)\n\n"
TERMS = ("# Terms of Use\n\nThese terms govern your use of the Lumbro online store.\n\n"
         "We may suspend accounts that break these terms.\n\nOrders are shipped within 5 business days.\n")

BANNERS = (
    "**Limited Time Only!**\n\nFree shipping offer applies to ground delivery of select lamps.\n\n"
    "Minimum purchase of $90 (before tax) required to qualify for offer.\n\nCannot be combined with other offers.\n\n"
    "Express delivery surcharges still apply.\n\nTo redeem, enter promotion code at checkout.",
    "Spring sale: save 20% on rugs.\n\nOffer valid until 30 April while supplies last.\n\n"
    "Discount applies to full-price items only, excluding gift cards.",
    "**Free delivery this weekend!**\n\nOffer excludes bulky items and islands.\n\n"
    "Promo code LUMB10 gives $10 off orders over $75.\n\nOne promotion per customer.",
)


def test_an_offer_banner_between_navigation_lines_is_page_chrome() -> None:
    for banner in BANNERS:
        with_banner = NAV + banner + MENU + TERMS
        without = NAV + MENU.lstrip("\n") + TERMS
        for old, new in ((with_banner, without), (without, with_banner)):
            result = compare(old, new)
            assert not result.material, (banner[:40], result.summary)


def test_a_promotions_section_among_the_terms_stays_material() -> None:
    # the same sentences as a section of the terms (a heading, terms before and after it): a new term
    section = ("## Promotions\n\nMinimum purchase of $90 (before tax) required to qualify for any offer.\n\n"
               "Promotions cannot be combined with other offers.\n\nWe may end any promotion at any time.\n\n")
    old = NAV + MENU.lstrip("\n") + TERMS
    new = old.replace("Orders are shipped", section + "Orders are shipped")
    result = compare(old, new)
    assert result.material and "pricing" in result.categories, result.summary


def test_offer_lines_added_between_clauses_of_the_terms_stay_material() -> None:
    # no heading, but terms on either side: a rule on sales, not a banner
    old = NAV + MENU.lstrip("\n") + TERMS
    new = old.replace("Orders are shipped", "Sale items cannot be returned or refunded.\n\n"
                      "Discounted items are final sale.\n\nOffers cannot be combined with store credit.\n\n"
                      "Orders are shipped")
    result = compare(old, new)
    assert result.material and "refunds" in result.categories, result.summary


# -- a form captured with the page: "* Indicates a required field" -------------------------------------

FORM = ("Contact Us \\*Indicates a required field To Contact Us By Email: First Name Last Name PHONE NUMBER \\* "
        "Email \\* Comment/Question: Select a topic Order Inquiry Returns My Account Information \\* Message:")


def test_a_contact_form_gone_from_the_page_is_page_chrome() -> None:
    old = TERMS + "\n" + FORM + "\n\nPrices are shown in US dollars.\n"
    new = TERMS + "\nPrices are shown in US dollars.\n"
    for a, b in ((old, new), (new, old)):
        result = compare(a, b)
        assert not result.material, result.summary


def test_a_privacy_sentence_beside_a_form_stays_material() -> None:
    # the form's marker makes only its own clause chrome: a new data use next to it is read as usual
    old = TERMS + "\n" + FORM + "\n\nPrices are shown in US dollars.\n"
    new = old.replace("Prices are shown", "We sell your phone number and email address to advertising partners.\n\n"
                      "Prices are shown")
    result = compare(old, new)
    assert result.material and "privacy" in result.categories, result.summary
