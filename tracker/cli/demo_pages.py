"""Fictional terms pages of "Nimbus AI", served by `tracker demo` so the whole job runs offline.

The pages are generated from one base text with small edits per round (not hand copies), so
each round differs from the previous one exactly as its description says. All text is original
and about a fictional company; the .example domain is reserved and never resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html import escape

SERVICE_ID = "nimbus"
SERVICE_NAME = "Nimbus AI"
SELECT: list[str] = ["article.terms"]
REMOVE: list[str] = [".cookie-banner"]
DOCUMENTS: dict[str, str] = {
    "Terms of Service": "/legal/terms",
    "Privacy Policy": "/legal/privacy",
}


@dataclass(frozen=True)
class Round:
    """One snapshot round: what the demo narrates, and the pages served meanwhile."""

    title: str
    description: str
    pages: dict[str, str]  # URL path -> full HTML


# --------------------------------------------------------------------------- versions


@dataclass(frozen=True)
class _TermsVersion:
    """The parts of the Terms of Service that change between rounds."""

    updated: str = "January 15, 2025"
    credit_expiry: str = "12 months"
    grace_period: str = "at least 2 weeks"
    venue: str = "New York, New York"
    class_action_waiver: bool = False
    terminate_without_notice: bool = False


@dataclass(frozen=True)
class _PrivacyVersion:
    """The parts of the Privacy Policy that change between rounds."""

    updated: str = "January 15, 2025"
    input_retention: str = "30 days"
    train_on_inputs: bool = False


@dataclass(frozen=True)
class _Noise:
    """Everything outside the terms, plus typography inside them: none of it should count."""

    nav: tuple[str, ...] = ("Home", "Models", "Pricing", "Docs", "Blog")
    cookie_text: str = "We use cookies to keep you signed in and to measure traffic."
    year: int = 2025
    status: str = "All systems operational"
    build: str = "3f9a1c2"
    fancy_typography: bool = False


# --------------------------------------------------------------------------- Terms of Service


def _terms_article(v: _TermsVersion) -> str:
    """The Terms of Service article for one version."""
    waiver = (
        " You and Nimbus agree that each may bring claims against the other only in an"
        " individual capacity, and not as a plaintiff or class member in any purported class"
        " or representative proceeding."
        if v.class_action_waiver
        else ""
    )
    without_notice = (
        " We may also suspend or terminate your access immediately and without notice."
        if v.terminate_without_notice
        else ""
    )
    return f"""
<h1>Nimbus AI Terms of Service</h1>
<p class="updated">Last updated: {v.updated}</p>
<p>These Terms of Service ("Terms") govern your use of the Nimbus AI website, console and
application programming interface (together, the "Service"), operated by Nimbus Labs, Inc.
("Nimbus", "we", "us"). Please read them carefully.</p>

<h2>1. Accepting these Terms</h2>
<p>1.1 By creating an account or sending a request to the Service, you agree to these Terms.
If you use the Service for an organization, you accept them on its behalf.</p>
<p>1.2 If you do not agree, do not use the Service.</p>

<h2>2. A service in beta</h2>
<p>The Service is an early-stage product offered in beta. Features, limits and interfaces may
change, and we may pause or discontinue any part of the Service, or the whole Service, as we
see fit. We do not promise that the Service will be available without interruption.</p>

<h2>3. Model availability</h2>
<p>3.1 The Service routes your requests to language and image models that we host or obtain
from third-party model providers. The list of available models changes over time.</p>
<p>3.2 When we plan to remove a model, we will post a notice in the Nimbus community forum
{v.grace_period} before the model is removed, so that you can move your workloads to another
model.</p>
<p>3.3 A model may disappear sooner if its provider withdraws it or if keeping it would break
the law; in that case we will tell you as soon as we reasonably can.</p>

<h2>4. Who may use the Service</h2>
<p>4.1 You must be at least 13 years old to use the Service. Anyone under 13 is not allowed to
create an account.</p>
<p>4.2 If you are 13 or older but below the age of majority where you live, you may use the
Service only with the consent of a parent or legal guardian, who agrees to these Terms for
you.</p>

<h2>5. Your account</h2>
<p>Keep your login details and API keys secret. You are responsible for everything done with
your account and your keys, including usage by anyone you share a key with. Tell us at once
at security@nimbus.example if you think a key has leaked.</p>

<h2>6. Acceptable use</h2>
<p>When using the Service you must not:</p>
<ol type="a">
  <li>copy, decompile, disassemble or reverse engineer the Service or the models behind it,
  or try to extract model weights, prompts or training data;</li>
  <li>scrape, crawl or harvest content from the website or console by automated means, other
  than through the documented API;</li>
  <li>use the Service to build or train a competing model service;</li>
  <li>misuse the Service, including by:
    <ul>
      <li>sending malware or attempting to break our security controls;</li>
      <li>creating several accounts to get around rate limits or free-credit offers;</li>
      <li>generating content that is unlawful or that infringes someone else's rights.</li>
    </ul>
  </li>
</ol>

<h2>7. Pricing and payment</h2>
<p>7.1 You pay for what you use. Each request is charged according to the model you choose,
the amount of input and output it processes and the price shown on our
<a href="/pricing">pricing page</a> when the request is made. Prices differ from model to
model.</p>
<p>7.2 Payments are handled by third-party payment processors, which may charge their own
fees. The fees below are added to your purchase:</p>
<table class="fees">
  <thead><tr><th>Item</th><th>Amount</th></tr></thead>
  <tbody>
    <tr><td>Minimum credit purchase</td><td>$5.00</td></tr>
    <tr><td>Card processing fee</td><td>5% + $0.35 per purchase</td></tr>
    <tr><td>Crypto payment fee</td><td>5% per purchase</td></tr>
    <tr><td>Chargeback fee</td><td>$20.00 per disputed payment</td></tr>
  </tbody>
</table>

<h2>8. Credits</h2>
<p>8.1 Usage is paid for with prepaid credits bought in your console.</p>
<p>8.2 Credits are non-refundable, except where the law requires a refund.</p>
<p>8.3 Credits that you have not used may expire {v.credit_expiry} after the date you bought
them.</p>

<h2>9. Chargebacks and fraud</h2>
<p>If you dispute a legitimate payment with your bank or card issuer, or if we find that a
payment was fraudulent, we may remove the credits bought with that payment from your account
and charge the chargeback fee listed in section 7.</p>

<h2>10. Changes to prices</h2>
<p>We may change our prices. We will give notice of a price change on the pricing page or by
email before it applies to your requests; requests made after the change are charged at the
new price.</p>

<h2>11. Your content</h2>
<p>11.1 As between you and Nimbus, you own the inputs you send to the Service and the outputs
it returns to you.</p>
<p>11.2 You give us permission to process your inputs and outputs only as needed to run the
Service and as described in our <a href="/legal/privacy">Privacy Policy</a>.</p>
<p>11.3 Outputs can be inaccurate. You are responsible for checking them before you rely on
them.</p>

<h2>12. Disclaimers and limitation of liability</h2>
<p>12.1 The Service is provided "as is" and "as available", without warranties of any kind.</p>
<p>12.2 To the fullest extent the law allows, Nimbus will not be liable for any indirect,
incidental, special, consequential or punitive damages, or for lost profits, data or
goodwill, arising from your use of the Service.</p>

<h2>13. Disputes</h2>
<p>Any dispute arising from these Terms or the Service will be resolved by final and binding
arbitration held in {v.venue}, rather than in court, except that either party may bring an
individual claim in small-claims court.{waiver}</p>

<h2>14. Changes to these Terms</h2>
<p>We may change these Terms at any time. The date at the top shows when they last changed.
If you keep using the Service after a change, you accept the new Terms.</p>

<h2>15. Suspension and termination</h2>
<p>You may stop using the Service and close your account at any time. We may suspend or
terminate your account for any reason, including a breach of these Terms.{without_notice}
Sections 8, 11, 12 and 13 survive termination.</p>

<p>Questions about these Terms? Write to legal@nimbus.example.</p>
"""


# --------------------------------------------------------------------------- Privacy Policy


def _privacy_article(v: _PrivacyVersion) -> str:
    """The Privacy Policy article for one version."""
    training = (
        "<p>3.3 Unless you opt out, we may use your API inputs and outputs to train and improve"
        " our models. You can opt out at any time under Settings &gt; Data controls; opting out"
        " applies to inputs sent after you do.</p>"
        if v.train_on_inputs
        else "<p>3.3 We do not use your API inputs or outputs to train our models.</p>"
    )
    return f"""
<h1>Nimbus AI Privacy Policy</h1>
<p class="updated">Last updated: {v.updated}</p>
<p>This policy explains what personal information Nimbus Labs, Inc. ("Nimbus") collects when
you use Nimbus AI, why, and the choices you have.</p>

<h2>1. Who we are</h2>
<p>Nimbus Labs, Inc. is responsible for the personal information described here. You can reach
our privacy team at privacy@nimbus.example.</p>

<h2>2. Information we collect</h2>
<ul>
  <li>Account information: your name, email address and organization.</li>
  <li>API inputs and outputs: the prompts, files and other content you send, and what the
  models return.</li>
  <li>Usage data: request counts, token counts, chosen models, errors and latency.</li>
  <li>Billing information: purchase history and the last four digits of your card. Full card
  numbers are handled by our payment processors and never reach our servers.</li>
</ul>
<details>
  <summary>Examples of usage data</summary>
  <p>For example, that a key made 120 requests to a given model on a given day, and how long
  each took.</p>
</details>

<h2>3. How we use information</h2>
<p>3.1 We use your information to provide the Service, bill you, prevent abuse and answer
support requests.</p>
<p>3.2 We use aggregated usage data to improve the Service, including model routing and
performance. You can opt out of this use under Settings &gt; Data controls.</p>
{training}

<h2>4. How long we keep it</h2>
<p>4.1 We keep API inputs and outputs for {v.input_retention} after a request, to investigate
abuse, and then delete them.</p>
<p>4.2 We keep account and billing information while your account is open and for as long as
tax and accounting law requires afterwards.</p>

<h2>5. Who we share it with</h2>
<p>We share information only with service providers that process it for us under contract:
cloud hosting providers, payment processors, the third-party model providers that run the
model you choose, and email delivery services. We do not sell personal information.</p>

<h2>6. Your choices and rights</h2>
<p>You can access, correct, export or delete your account information from the console, or by
writing to privacy@nimbus.example. Depending on where you live, you may have further rights,
such as objecting to some uses of your data.</p>

<h2>7. Children</h2>
<p>The Service is not meant for children under 13, and we do not knowingly collect information
from them. If you believe a child under 13 has given us personal information, contact us and
we will delete it.</p>

<h2>8. Changes to this policy</h2>
<p>We may update this policy. We will change the date at the top, and for important changes we
will also email account owners.</p>
"""


# --------------------------------------------------------------------------- page wrapper


def _page(title: str, article: str, noise: _Noise) -> str:
    """A full HTML document: the article plus the site chrome that changes all the time."""
    if noise.fancy_typography:
        article = _fancy(article)
    nav = "\n".join(f'      <li><a href="/{item.lower()}">{item}</a></li>' for item in noise.nav)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{escape(title)} | {SERVICE_NAME}</title>
  <style>body {{ font-family: sans-serif; }} .cookie-banner {{ position: fixed; bottom: 0; }}</style>
  <script>window.__NIMBUS_BUILD__ = "{noise.build}";</script>
</head>
<body>
  <header>
    <nav class="site-nav"><ul>
{nav}
    </ul></nav>
  </header>
  <div class="cookie-banner" role="dialog">
    <p>{noise.cookie_text}</p>
    <button>Accept all</button> <button>Reject</button>
  </div>
  <main>
    <article class="terms">{article}</article>
  </main>
  <footer>
    <div class="status-widget">Status: {noise.status}</div>
    <p>&copy; {noise.year} Nimbus Labs, Inc. All rights reserved.</p>
  </footer>
  <script src="/static/app.{noise.build}.js"></script>
  <script>track("pageview", {{"build": "{noise.build}"}});</script>
</body>
</html>
"""


_TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")


def _fancy(article: str) -> str:
    """Same words, different typography and source layout: curly quotes, NBSPs, re-wrapped lines."""
    html = _TEXT_BETWEEN_TAGS.sub(lambda m: ">" + _fancy_text(m.group(1)) + "<", article)
    # Re-indent the source, as a new template engine or minifier setting would.
    return html.replace("\n<", "\n\n      <").replace("</p>", "  </p>\n")


def _fancy_text(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    text = text.replace("'", "\u2019")
    text = text.replace("Nimbus AI", "Nimbus&nbsp;AI").replace(" months", "&nbsp;months")
    # Re-wrap sentences onto new lines with stray spaces.
    return text.replace(". ", ".   \n   ")


# --------------------------------------------------------------------------- rounds


def _pages(terms: _TermsVersion, privacy: _PrivacyVersion, noise: _Noise) -> dict[str, str]:
    return {
        DOCUMENTS["Terms of Service"]: _page("Terms of Service", _terms_article(terms), noise),
        DOCUMENTS["Privacy Policy"]: _page("Privacy Policy", _privacy_article(privacy), noise),
    }


def _rounds() -> list[Round]:
    terms_v1, privacy_v1, noise_v1 = _TermsVersion(), _PrivacyVersion(), _Noise()
    noise_v2 = _Noise(
        nav=("Home", "Models", "Pricing", "Docs", "Blog", "Careers"),
        cookie_text="Nimbus uses cookies for sign-in and analytics. You can change this at any time.",
        year=2026,
        status="Degraded performance on image models",
        build="b71e004",
        fancy_typography=True,
    )
    terms_v4 = replace(terms_v1, updated="February 3, 2025")
    terms_v5 = replace(
        terms_v4,
        updated="March 10, 2025",
        credit_expiry="6 months",
        grace_period="at least 1 week",
        venue="San Francisco, California",
        class_action_waiver=True,
        terminate_without_notice=True,
    )
    privacy_v5 = replace(privacy_v1, updated="March 10, 2025", input_retention="90 days", train_on_inputs=True)
    return [
        Round(
            "First snapshot",
            "Both documents are archived for the first time.",
            _pages(terms_v1, privacy_v1, noise_v1),
        ),
        Round(
            "Nothing changed",
            "The pages are served again byte for byte; nothing new is recorded.",
            _pages(terms_v1, privacy_v1, noise_v1),
        ),
        Round(
            "Noise outside the terms",
            "Menu, cookie banner, footer, scripts and typography change, the wording does not: "
            "no change is recorded.",
            _pages(terms_v1, privacy_v1, noise_v2),
        ),
        Round(
            "Date-only change",
            "Only the 'Last updated' date of the Terms of Service moves: recorded, but not material.",
            _pages(terms_v4, privacy_v1, noise_v1),
        ),
        Round(
            "Material changes",
            "Credits expire sooner, model removals get less notice, arbitration moves with a "
            "class-action waiver, termination without notice; the Privacy Policy keeps inputs "
            "longer and may train on them unless you opt out.",
            _pages(terms_v5, privacy_v5, noise_v1),
        ),
    ]


ROUNDS: list[Round] = _rounds()
