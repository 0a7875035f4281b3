"""Does the tracker catch each KIND of material change it used to miss? Invented probes, per kind.

Each probe is a pair of old/new terms texts of a fictional service that differ in one clause,
written for a kind of missed change named in issue 11 (scope widened or narrowed inside a
sentence, a deleted commitment, table rows, new sentences worded outside the lexicons, a change
of contracting party or territory, the direction of AI-training and governing-law changes; session
18: a term stated in words, the reach of a clause widened, a notice channel cut, the parties swapped,
and controls where only a product is renamed or the same term is said otherwise; session 19: a
refund or payment period whatever verb states it, Spanish periods, French/German verbs of effect) or for
one category of ``../shared/docs/taxonomy.md``, with the material flag and the categories a
careful reader would give. At least 2 of every 5 probes of a kind are French or German. The real
analysis runs on each pair (``tracker.analysis.analyse.analyse``, the function behind
``tracker compare``), and the script prints per kind: flag right/total, categories right/total
(the predicted set equal to the expected one, or within the expected plus the listed acceptable
extras), then each wrong probe with what the tracker said.

The probes are invented, never copied from real terms: they test the kind, so a fix made for the
words of one dev pair shows here whether it carries over to other wording and other languages.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/kind_probes_missed.py [--kind KIND] [--quiet] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class Probe:
    """One invented pair: ``old``/``new`` are the changed section's body (with its heading)."""

    kind: str
    lang: str
    old: str
    new: str
    material: bool
    cats: tuple[str, ...]
    ok: tuple[str, ...] = ()  # extra categories that are not wrong
    check: str = ""  # "not-good-news" or "removed-not-good": a direction check on the explanation
    service: str = "Lumora"
    extra: dict = field(default_factory=dict)


_FRAME = {
    "en": ("# Terms of Service for {s}\n\nLast updated: 3 March 2026\n\n## Introduction\n"
           "These terms explain how you may use {s}, an online note and photo service.\n\n{body}\n\n"
           "## Contact\nQuestions about these terms can be sent to help@{l}.example.\n"),
    "fr": ("# Conditions générales d'utilisation de {s}\n\nDernière mise à jour : 3 mars 2026\n\n"
           "## Présentation\nLes présentes conditions expliquent comment utiliser {s}, un service en ligne "
           "de notes et de photos.\n\n{body}\n\n## Contact\nPour toute question, écrivez à aide@{l}.example.\n"),
    "de": ("# Nutzungsbedingungen von {s}\n\nStand: 3. März 2026\n\n## Einleitung\nDiese Bedingungen "
           "regeln die Nutzung von {s}, einem Online-Dienst für Notizen und Fotos.\n\n{body}\n\n"
           "## Kontakt\nFragen zu diesen Bedingungen richten Sie bitte an hilfe@{l}.example.\n"),
    "es": ("# Condiciones de uso de {s}\n\nÚltima actualización: 3 de marzo de 2026\n\n## Presentación\n"
           "Estas condiciones explican cómo usar {s}, un servicio en línea de notas y fotos.\n\n{body}\n\n"
           "## Contacto\nPara cualquier pregunta, escriba a ayuda@{l}.example.\n"),
}


def document(p: Probe, body: str) -> str:
    """The whole terms text of probe ``p`` with ``body`` as its changed section."""
    return _FRAME[p.lang].format(s=p.service, l=p.service.lower(), body=body.strip())


def P(kind, lang, old, new, material, cats, ok=(), check="", service="Lumora"):  # noqa: N802 - a short table row
    return Probe(kind, lang, old, new, material, tuple(cats), tuple(ok), check, service)


PROBES: list[Probe] = [
    # --- scope widened inside an existing sentence: a new item in a list --------------------
    P("scope-list-item", "en",
      "## Plans\nYou can subscribe to the Starter or Studio plan; both renew automatically each month.",
      "## Plans\nYou can subscribe to the Starter, Studio or Agency plan; all renew automatically each month.",
      True, ["subscription"], service="Quillbox"),
    P("scope-list-item", "en",
      "## Information we collect\nWe collect your name, email address and billing address when you sign up.",
      "## Information we collect\nWe collect your name, email address, billing address and precise location "
      "when you sign up.", True, ["privacy"], service="Harborly"),
    P("scope-list-item", "en",
      "## Prohibited conduct\nYou may not harass other members, post spam or impersonate anyone.",
      "## Prohibited conduct\nYou may not harass other members, post spam, share referral links or "
      "impersonate anyone.", True, ["usage-rules"], service="Tandemo"),
    P("scope-list-item", "fr",
      "## Données collectées\nNous collectons votre nom, votre adresse e-mail et votre numéro de téléphone.",
      "## Données collectées\nNous collectons votre nom, votre adresse e-mail, votre numéro de téléphone "
      "et votre historique de navigation.", True, ["privacy"], service="Plumetto"),
    P("scope-list-item", "de",
      "## Verbotene Nutzung\nEs ist untersagt, Inhalte anderer Nutzer zu kopieren oder Werbung zu versenden.",
      "## Verbotene Nutzung\nEs ist untersagt, Inhalte anderer Nutzer zu kopieren, Bots einzusetzen oder "
      "Werbung zu versenden.", True, ["usage-rules"], service="Werkbank"),
    # --- scope widened: an alternative added ("monthly" -> "monthly or yearly") -------------
    P("scope-alternative", "en",
      "## Billing\nSubscriptions are billed monthly in advance.",
      "## Billing\nSubscriptions are billed monthly or yearly in advance.",
      True, ["payment"], ok=["subscription"], service="Corvina"),
    P("scope-alternative", "en",
      "## Sharing\nWe share your contact details with our payment processor.",
      "## Sharing\nWe share your contact details with our payment processor and advertising partners.",
      True, ["privacy"], service="Nimbleo"),
    P("scope-alternative", "en",
      "## Your content\nYou grant us a licence to host and display your photos.",
      "## Your content\nYou grant us a licence to host, display, modify and sell your photos.",
      True, ["content-rights"], service="Snapwell"),
    P("scope-alternative", "fr",
      "## Facturation\nL'abonnement est facturé chaque mois par carte bancaire.",
      "## Facturation\nL'abonnement est facturé chaque mois par carte bancaire ou par prélèvement SEPA.",
      True, ["payment"], ok=["subscription"], service="Caprilo"),
    P("scope-alternative", "de",
      "## Lizenz\nSie räumen uns das Recht ein, Ihre Inhalte zu speichern und anzuzeigen.",
      "## Lizenz\nSie räumen uns das Recht ein, Ihre Inhalte zu speichern, anzuzeigen, zu bearbeiten und "
      "an Dritte weiterzugeben.", True, ["content-rights"], service="Bildwerk"),
    # --- a new exception or retention ground -----------------------------------------------
    P("scope-exception", "en",
      "## Retention\nWe delete your data within 30 days after you close your account.",
      "## Retention\nWe delete your data within 30 days after you close your account, except where we need "
      "it to train our fraud models.", True, ["privacy"], service="Ledgerly"),
    P("scope-exception", "en",
      "## Refunds\nAll payments are refunded if you cancel within 14 days.",
      "## Refunds\nAll payments are refunded if you cancel within 14 days, except payments for gift cards and "
      "add-ons.", True, ["refunds"], service="Parcello"),
    P("scope-exception", "en",
      "## Data retention\nWe keep your messages until you delete them.",
      "## Data retention\nWe keep your messages until you delete them, or longer where a legal hold or an "
      "ongoing investigation requires it.", True, ["privacy"], service="Chatterly"),
    P("scope-exception", "fr",
      "## Conservation\nVos données sont supprimées à la clôture de votre compte.",
      "## Conservation\nVos données sont supprimées à la clôture de votre compte, sauf celles nécessaires à "
      "nos études statistiques.", True, ["privacy"], service="Tricotin"),
    P("scope-exception", "de",
      "## Widerruf\nSie können Ihre Bestellung innerhalb von 14 Tagen widerrufen.",
      "## Widerruf\nSie können Ihre Bestellung innerhalb von 14 Tagen widerrufen, ausgenommen sind "
      "digitale Inhalte und Gutscheine.", True, ["refunds"], service="Kaufhaus Nord"),
    # --- scope narrowed: an item taken out --------------------------------------------------
    P("scope-narrowed", "en",
      "## Refunds\nWe refund unused credits, annual plans and add-ons on request.",
      "## Refunds\nWe refund unused credits on request.", True, ["refunds"], service="Voltaro"),
    P("scope-narrowed", "en",
      "## Your rights\nYou may access, correct, export or delete your personal data at any time.",
      "## Your rights\nYou may access or correct your personal data at any time.",
      True, ["privacy"], service="Mirabel"),
    P("scope-narrowed", "en",
      "## Eligibility\nThe service is available to residents of the EU, the UK and Canada.",
      "## Eligibility\nThe service is available to residents of the EU.", True, ["eligibility"],
      service="Ferrow"),
    P("scope-narrowed", "fr",
      "## Remboursement\nNous remboursons les crédits non utilisés et les abonnements annuels.",
      "## Remboursement\nNous remboursons les crédits non utilisés.", True, ["refunds"], service="Lumen Bleu"),
    P("scope-narrowed", "de",
      "## Ihre Rechte\nSie haben das Recht auf Auskunft, Berichtigung, Löschung und Datenübertragbarkeit.",
      "## Ihre Rechte\nSie haben das Recht auf Auskunft und Berichtigung.", True, ["privacy"],
      service="Datenhafen"),
    # --- a deleted commitment -----------------------------------------------------------------
    P("deleted-commitment", "en",
      "## Legacy apps\nWe will continue to support the desktop app. Updates are released every quarter.",
      "## Legacy apps\nUpdates are released every quarter.", True, ["service-changes"], service="Orbitly"),
    P("deleted-commitment", "en",
      "## Exports\nWe will always let you export your notes in plain text. Exports run in the background.",
      "## Exports\nExports run in the background.", True, ["service-changes"], ok=["privacy"], service="Inkpad"),
    P("deleted-commitment", "en",
      "## Advertising\nWe will never sell your personal data to third parties. We show ads from our partners.",
      "## Advertising\nWe show ads from our partners.", True, ["privacy"], service="Gazetto"),
    P("deleted-commitment", "fr",
      "## Application mobile\nNous continuerons à proposer l'application hors ligne. Les mises à jour sont "
      "publiées chaque mois.",
      "## Application mobile\nLes mises à jour sont publiées chaque mois.", True, ["service-changes"],
      service="Carnetto"),
    P("deleted-commitment", "de",
      "## Werbung\nWir verkaufen Ihre personenbezogenen Daten niemals an Dritte. Wir zeigen Werbung unserer "
      "Partner.",
      "## Werbung\nWir zeigen Werbung unserer Partner.", True, ["privacy"], service="Stadtblatt"),
    # --- table rows, classified with their header and section -------------------------------
    P("table-rows", "en",
      "## Cookies we use\n\n| Name | Provider | Purpose | Duration |\n| --- | --- | --- | --- |\n"
      "| sid | Lumora | Keeps you signed in | Session |",
      "## Cookies we use\n\n| Name | Provider | Purpose | Duration |\n| --- | --- | --- | --- |\n"
      "| sid | Lumora | Keeps you signed in | Session |\n| _fbp | Meta | Advertising | 3 months |",
      True, ["privacy"]),
    P("table-rows", "en",
      "## Sub-processors\n\n| Entity | Service | Location |\n| --- | --- | --- |\n| Cloudnest Inc. | Hosting | "
      "United States |",
      "## Sub-processors\n\n| Entity | Service | Location |\n| --- | --- | --- |\n| Cloudnest Inc. | Hosting | "
      "United States |\n| Mailbird Ltd | Email delivery | India |", True, ["privacy"], service="Formata"),
    P("table-rows", "en",
      "## Fees\n\n| Item | Amount |\n| --- | --- |\n| Domestic transfer | Free |\n| International transfer | 1% |",
      "## Fees\n\n| Item | Amount |\n| --- | --- |\n| Domestic transfer | Free |\n| International transfer | 1.5% |",
      True, ["pricing"], service="Payvista"),
    P("table-rows", "fr",
      "## Cookies\n\n| Nom | Finalité | Durée |\n| --- | --- | --- |\n| session | Connexion | Session |",
      "## Cookies\n\n| Nom | Finalité | Durée |\n| --- | --- | --- |\n| session | Connexion | Session |\n"
      "| _gcl | Publicité ciblée | 13 mois |", True, ["privacy"], service="Brioche"),
    P("table-rows", "de",
      "## Gebühren\n\n| Leistung | Betrag |\n| --- | --- |\n| Kontoführung | 0 EUR |\n| Ersatzkarte | 10 EUR |",
      "## Gebühren\n\n| Leistung | Betrag |\n| --- | --- |\n| Kontoführung | 4,90 EUR |\n| Ersatzkarte | 10 EUR |",
      True, ["pricing"], service="Taschengeld"),
    # --- new sentences with legal effect worded outside the lexicons --------------------------
    P("outside-lexicon", "en",
      "## Access\nYou can use the service from any device.",
      "## Access\nYou can use the service from any device. Lumora may at its discretion restrict or limit "
      "access to some features.", True, ["service-changes"], ok=["termination"]),
    P("outside-lexicon", "en",
      "## Search\nSearch helps you find notes quickly.",
      "## Search\nSearch helps you find notes quickly. Search terms may be sent to our partners to improve "
      "results.", True, ["privacy"], service="Findr"),
    P("outside-lexicon", "en",
      "## Selling on Marketo\nSellers can list up to 50 items.",
      "## Selling on Marketo\nSellers can list up to 50 items. Marketo keeps 12% of each sale.",
      True, ["pricing"], service="Marketo"),
    P("outside-lexicon", "fr",
      "## Vendeurs\nLes vendeurs peuvent publier jusqu'à 50 annonces.",
      "## Vendeurs\nLes vendeurs peuvent publier jusqu'à 50 annonces. Nous prélevons 8 % sur chaque vente.",
      True, ["pricing"], service="Brocantix"),
    P("outside-lexicon", "de",
      "## Suche\nDie Suche hilft Ihnen, Notizen schnell zu finden.",
      "## Suche\nDie Suche hilft Ihnen, Notizen schnell zu finden. Suchbegriffe können an unsere Partner "
      "übermittelt werden.", True, ["privacy"], service="Merkzettel"),
    # --- contracting party or territory -------------------------------------------------------
    P("party-territory", "en",
      "## Who we are\nThese terms are an agreement between you and Lumora Labs Ltd, Dublin, Ireland.",
      "## Who we are\nThese terms are an agreement between you and Lumora Holdings Inc., Delaware, United "
      "States.", True, ["other"], ok=["governing-law", "jurisdiction", "eligibility"]),
    P("party-territory", "en",
      "## Scope\nThese terms apply to users in the European Union.",
      "## Scope\nThese terms apply to users worldwide.", True, ["eligibility"], ok=["other"],
      service="Globix"),
    P("party-territory", "en",
      "## Contracting entity\nIf you live in Canada, your contract is with Tessel Canada Inc.",
      "## Contracting entity\nIf you live in Canada, your contract is with Tessel Global Pte. Ltd., Singapore.",
      True, ["other"], ok=["governing-law", "jurisdiction", "eligibility"], service="Tessel"),
    P("party-territory", "fr",
      "## Éditeur\nLe service est fourni par Papyrine SAS, société de droit français.",
      "## Éditeur\nLe service est fourni par Papyrine Ltd, société de droit irlandais.",
      True, ["other"], ok=["governing-law", "jurisdiction"], service="Papyrine"),
    P("party-territory", "de",
      "## Geltungsbereich\nDiese Bedingungen gelten für Nutzer in Deutschland.",
      "## Geltungsbereich\nDiese Bedingungen gelten für Nutzer in Deutschland, Österreich und der Schweiz.",
      True, ["eligibility"], ok=["other"], service="Notizwerk"),
    # --- direction: extended AI-training use is never good news --------------------------------
    P("direction-ai-training", "en",
      "## Your content and AI\nWe do not use your notes to train our models.",
      "## Your content and AI\nWe may use your notes to train and improve our models.",
      True, ["ai-training"], check="not-good-news", service="Mindvault"),
    P("direction-ai-training", "en",
      "## Model improvement\nWe use your prompts to improve our models unless you opt out in Settings.",
      "## Model improvement\nWe use your prompts and uploaded files to improve our models.",
      True, ["ai-training"], check="not-good-news", service="Promptly"),
    P("direction-ai-training", "en",
      "## Training data\nConversations from business accounts are never used for training.",
      "## Training data\nConversations from all accounts may be used for training.",
      True, ["ai-training"], check="not-good-news", service="Convo"),
    P("direction-ai-training", "fr",
      "## Intelligence artificielle\nNous n'utilisons pas vos contenus pour entraîner nos modèles.",
      "## Intelligence artificielle\nNous pouvons utiliser vos contenus pour entraîner nos modèles d'IA.",
      True, ["ai-training"], check="not-good-news", service="Penséa"),
    P("direction-ai-training", "de",
      "## Künstliche Intelligenz\nIhre Eingaben werden nicht zum Training unserer Modelle verwendet.",
      "## Künstliche Intelligenz\nIhre Eingaben können zum Training unserer KI-Modelle verwendet werden.",
      True, ["ai-training"], check="not-good-news", service="Denkfabrik"),
    # --- direction: a removed governing-law or venue clause is removed, not good news ----------
    P("direction-removed-law", "en",
      "## Law\nThese terms are governed by the laws of England and Wales.\n\n## Changes\nWe will post changes "
      "on this page.",
      "## Changes\nWe will post changes on this page.", True, ["governing-law"], check="removed-not-good",
      service="Trellis"),
    P("direction-removed-law", "en",
      "## Disputes\nAny dispute will be heard by the courts of Amsterdam. We aim to answer complaints within "
      "a week.",
      "## Disputes\nWe aim to answer complaints within a week.", True, ["jurisdiction"], check="removed-not-good",
      service="Canalia"),
    P("direction-removed-law", "en",
      "## Governing law\nThe laws of the State of Oregon govern this agreement.\n\n## Notices\nWe send notices "
      "by email.",
      "## Notices\nWe send notices by email.", True, ["governing-law"], check="removed-not-good",
      service="Pinecrest"),
    P("direction-removed-law", "fr",
      "## Droit applicable\nLes présentes conditions sont régies par le droit français.\n\n## Notifications\n"
      "Nous vous informons par e-mail.",
      "## Notifications\nNous vous informons par e-mail.", True, ["governing-law"], check="removed-not-good",
      service="Ruchette"),
    P("direction-removed-law", "de",
      "## Gerichtsstand\nGerichtsstand ist Hamburg.\n\n## Mitteilungen\nWir informieren Sie per E-Mail.",
      "## Mitteilungen\nWir informieren Sie per E-Mail.", True, ["jurisdiction"], check="removed-not-good",
      service="Hafenblick"),
    # --- controls: rewording, no change of meaning ------------------------------------------
    P("control-rewording", "en",
      "## Billing\nSubscriptions are billed monthly in advance.",
      "## Billing\nYour subscription is billed in advance every month.", False, [], service="Corvina"),
    P("control-rewording", "en",
      "## Prohibited conduct\nYou may not harass other members, post spam or impersonate anyone.",
      "## Prohibited conduct\nYou may not harass other members, impersonate anyone or post spam.",
      False, [], service="Tandemo"),
    P("control-rewording", "en",
      "## Retention\nWe delete your data within 30 days after you close your account.",
      "## Retention\nWithin 30 days after you close your account, we delete your data.", False, [],
      service="Ledgerly"),
    P("control-rewording", "fr",
      "## Facturation\nL'abonnement est facturé chaque mois par carte bancaire.",
      "## Facturation\nL'abonnement est facturé tous les mois par carte bancaire.", False, [], service="Caprilo"),
    P("control-rewording", "de",
      "## Widerruf\nSie können Ihre Bestellung innerhalb von 14 Tagen widerrufen.",
      "## Widerruf\nIhre Bestellung können Sie innerhalb von 14 Tagen widerrufen.", False, [],
      service="Kaufhaus Nord"),
    # --- a term stated in words ("thirty days", "trente jours", "dreißig Tage", "eighteen years of age")
    P("term-in-words", "en", "## Refunds\nYou can ask for a refund within thirty days of purchase.",
      "## Refunds\nYou can ask for a refund within fourteen days of purchase.", True, ["refunds"], service="Cartwheel"),
    P("term-in-words", "en", "## Age\nYou must be at least thirteen years of age to use the service.",
      "## Age\nYou must be at least eighteen years of age to use the service.", True, ["eligibility"],
      service="Chatterly"),
    P("term-in-words", "fr", "## Rétractation\nVous disposez de trente jours pour annuler votre commande.",
      "## Rétractation\nVous disposez de sept jours pour annuler votre commande.", True, ["refunds"], service="Panier"),
    P("term-in-words", "de", "## Kündigung\nSie können das Abo mit einer Frist von dreißig Tagen kündigen.",
      "## Kündigung\nSie können das Abo mit einer Frist von drei Monaten kündigen.", True, ["subscription"],
      service="Abohaus"),
    P("term-in-words", "fr", "## Âge minimum\nLe service est ouvert aux personnes âgées d'au moins treize ans.",
      "## Âge minimum\nLe service est ouvert aux personnes âgées d'au moins dix-huit ans.", True, ["eligibility"],
      service="Jeunesse"),
    # --- the reach of a clause widened: "some" -> "all", "and our affiliates", "worldwide" ---------
    P("reach-widened", "en", "## Sharing\nWe share some of your usage data with our partners.",
      "## Sharing\nWe share all of your usage data with our partners.", True, ["privacy"], service="Gridly"),
    P("reach-widened", "en", "## Licence\nYou grant Fablo a licence to display your posts in the United States.",
      "## Licence\nYou grant Fablo and our affiliates a worldwide licence to display your posts.", True,
      ["content-rights"], service="Fablo"),
    P("reach-widened", "en", "## Information we collect\nWe collect information you provide, including your name "
      "and email address.", "## Information we collect\nWe collect information you provide, including your name, "
      "email address, contacts and voice recordings.", True, ["privacy"], service="Talkbox"),
    P("reach-widened", "fr", "## Partage\nNous pouvons partager certaines de vos données avec nos partenaires.",
      "## Partage\nNous partagerons toutes vos données avec nos partenaires et nos sociétés affiliées.", True,
      ["privacy"], service="Partago"),
    P("reach-widened", "de", "## Weitergabe\nWir können einige Ihrer Daten an Partner weitergeben.",
      "## Weitergabe\nWir geben alle Ihre Daten an Partner und verbundene Unternehmen weiter.", True, ["privacy"],
      service="Teilwerk"),
    # --- a notice channel cut: told by email -> posted on a page ----------------------------------
    P("notice-channel", "en", "## Changes to these terms\nWe will tell you about changes to these terms by email at "
      "least 30 days before they apply.", "## Changes to these terms\nWe will tell you about changes to these terms "
      "by posting them on this page at least 30 days before they apply.", True, ["terms-changes"], service="Mailory"),
    P("notice-channel", "en", "## Price changes\nWe will notify you by email before any price increase.",
      "## Price changes\nWe will publish any price increase on our website.", True, ["pricing"], service="Tariffo"),
    P("notice-channel", "fr", "## Modifications\nNous vous informerons de toute modification des présentes "
      "conditions par courrier électronique.", "## Modifications\nToute modification des présentes conditions sera "
      "publiée sur cette page.", True, ["terms-changes"], service="Avisio"),
    P("notice-channel", "de", "## Änderungen\nWir informieren Sie per E-Mail über Änderungen dieser Bedingungen.",
      "## Änderungen\nÄnderungen dieser Bedingungen veröffentlichen wir auf dieser Seite.", True, ["terms-changes"],
      service="Hinweiser"),
    P("notice-channel", "en", "## Price changes\nWe will email you before we raise the price of your plan.",
      "## Price changes\nWe will announce price rises on our blog before they apply.", True, ["pricing"],
      service="Bloggo"),
    # --- the parties swapped: "you may" -> "we may" ------------------------------------------------
    P("parties-swapped", "en", "## Cancellation\nYou may cancel the subscription at any time.",
      "## Cancellation\nWe may cancel the subscription at any time.", True, ["subscription"], ok=["termination"],
      service="Swapio"),
    P("parties-swapped", "en", "## Deletion\nYou can delete your content whenever you like.",
      "## Deletion\nWe can delete your content whenever we like.", True, ["content-removal"], service="Postbin"),
    P("parties-swapped", "fr", "## Résiliation\nVous pouvez résilier le contrat à tout moment.",
      "## Résiliation\nNous pouvons résilier le contrat à tout moment.", True, ["termination"], service="Contrato"),
    P("parties-swapped", "de", "## Kündigung\nSie können den Vertrag jederzeit kündigen.",
      "## Kündigung\nWir können den Vertrag jederzeit kündigen.", True, ["termination"], service="Vertragly"),
    P("parties-swapped", "en", "## Ending the agreement\nEither party may end this agreement with 30 days' notice.",
      "## Ending the agreement\nOnly we may end this agreement, with 30 days' notice.", True, ["termination"],
      service="Bilatero"),
    # --- controls: a product or plan renamed, the same term said in other words -----------------
    P("control-renamed-same", "en", "## Plans\nThe Lumora Plus plan includes 100 GB of storage and priority support.",
      "## Plans\nThe Lumora One plan includes 100 GB of storage and priority support.", False, []),
    P("control-renamed-same", "fr", "## Offres\nL'offre Essentiel comprend 50 Go de stockage.",
      "## Offres\nL'offre Découverte comprend 50 Go de stockage.", False, []),
    P("control-renamed-same", "de", "## Tarife\nDer Tarif Basis umfasst 50 GB Speicher.",
      "## Tarife\nDer Tarif Start umfasst 50 GB Speicher.", False, []),
    P("control-renamed-same", "en", "## Refunds\nYou can ask for a refund within thirty days of purchase.",
      "## Refunds\nYou can ask for a refund within 30 days of purchase.", False, [], service="Cartwheel"),
    P("control-renamed-same", "de", "## Kündigung\nSie können den Vertrag jederzeit kündigen.",
      "## Kündigung\nDen Vertrag können Sie jederzeit kündigen.", False, [], service="Vertragly"),
]

# --- one kind per taxonomy category: a clearly material change of that category ----------------
_CAT = "cat:"
PROBES += [
    # pricing
    P(_CAT + "pricing", "en", "## Price\nThe Pro plan costs $10 per month.", "## Price\nThe Pro plan costs $14 per month.",
      True, ["pricing"], ok=["subscription"], service="Tallyo"),
    P(_CAT + "pricing", "en", "## Overage\nExtra API calls are charged at $0.002 each.",
      "## Overage\nExtra API calls are charged at $0.004 each.", True, ["pricing"], service="Apiary"),
    P(_CAT + "pricing", "en", "## Delivery\nDelivery is free on all orders.",
      "## Delivery\nDelivery costs $4.99 on orders under $50.", True, ["pricing"], service="Basketto"),
    P(_CAT + "pricing", "fr", "## Tarifs\nL'offre Premium coûte 9,99 € par mois.",
      "## Tarifs\nL'offre Premium coûte 12,99 € par mois.", True, ["pricing"], ok=["subscription"],
      service="Mélodia"),
    P(_CAT + "pricing", "de", "## Preise\nDie Vermittlungsgebühr beträgt 5 % des Kaufpreises.",
      "## Preise\nDie Vermittlungsgebühr beträgt 7 % des Kaufpreises.", True, ["pricing"], service="Tauschbar"),
    # payment
    P(_CAT + "payment", "en", "## Payment\nYou can pay by card or PayPal.",
      "## Payment\nYou can pay by card only.", True, ["payment"], service="Ticketon"),
    P(_CAT + "payment", "en", "## Invoices\nInvoices are due within 30 days.",
      "## Invoices\nInvoices are due within 10 days. Late payments incur interest of 1.5% per month.",
      True, ["payment"], ok=["pricing"], service="Workforge"),
    P(_CAT + "payment", "en", "## Taxes\nPrices include VAT.", "## Taxes\nPrices exclude VAT, which is added at "
      "checkout.", True, ["payment"], ok=["pricing"], service="Shopwise"),
    P(_CAT + "payment", "fr", "## Paiement\nLe paiement est exigible à la commande.",
      "## Paiement\nLe paiement est exigible à la commande. Tout retard de paiement entraîne une pénalité de "
      "40 €.", True, ["payment"], ok=["pricing"], service="Atelier Sud"),
    P(_CAT + "payment", "de", "## Zahlung\nSie können per Rechnung oder Lastschrift zahlen.",
      "## Zahlung\nSie können nur per Kreditkarte zahlen.", True, ["payment"], service="Gartenkorb"),
    # refunds
    P(_CAT + "refunds", "en", "## Refunds\nYou can request a refund within 30 days of purchase.",
      "## Refunds\nYou can request a refund within 7 days of purchase.", True, ["refunds"], service="Coursely"),
    P(_CAT + "refunds", "en", "## Credits\nPrepaid credits never expire.", "## Credits\nPrepaid credits expire "
      "12 months after purchase.", True, ["refunds"], service="Tokenly"),
    P(_CAT + "refunds", "en", "## Cancellations\nIf you cancel, we refund the unused part of your plan.",
      "## Cancellations\nIf you cancel, fees already paid are non-refundable.", True, ["refunds"],
      ok=["subscription"], service="Hostable"),
    P(_CAT + "refunds", "fr", "## Remboursement\nVous pouvez demander un remboursement sous 30 jours.",
      "## Remboursement\nVous pouvez demander un remboursement sous 14 jours.", True, ["refunds"],
      service="Vinylo"),
    P(_CAT + "refunds", "de", "## Guthaben\nGuthaben verfällt nicht.", "## Guthaben\nGuthaben verfällt nach "
      "24 Monaten.", True, ["refunds"], service="Spielwiese"),
    # subscription
    P(_CAT + "subscription", "en", "## Renewal\nYour plan ends at the end of the term.",
      "## Renewal\nYour plan renews automatically at the end of each term unless you cancel.",
      True, ["subscription"], service="Readwell"),
    P(_CAT + "subscription", "en", "## Free trial\nThe free trial lasts 30 days.", "## Free trial\nThe free trial "
      "lasts 7 days and then converts to a paid plan.", True, ["subscription"], ok=["pricing"],
      service="Fitloop"),
    P(_CAT + "subscription", "en", "## Cancelling\nYou can cancel at any time in Settings.",
      "## Cancelling\nYou can cancel by giving 60 days' written notice.", True, ["subscription"],
      service="Cargoly"),
    P(_CAT + "subscription", "fr", "## Abonnement\nL'abonnement est conclu pour un mois sans engagement.",
      "## Abonnement\nL'abonnement est conclu pour douze mois et se renouvelle par tacite reconduction.",
      True, ["subscription"], service="Sportivo"),
    P(_CAT + "subscription", "de", "## Laufzeit\nDas Abonnement kann monatlich gekündigt werden.",
      "## Laufzeit\nDas Abonnement hat eine Mindestlaufzeit von 24 Monaten.", True, ["subscription"],
      service="Fernblick"),
    # arbitration
    P(_CAT + "arbitration", "en", "## Disputes\nYou may bring any claim in court.",
      "## Disputes\nAny dispute will be resolved by binding arbitration.", True, ["arbitration"],
      ok=["jurisdiction"], service="Loanly"),
    P(_CAT + "arbitration", "en", "## Opt-out\nYou may opt out of arbitration within 30 days of signing up.",
      "## Opt-out\nYou may opt out of arbitration within 10 days of signing up.", True, ["arbitration"],
      service="Rentora"),
    P(_CAT + "arbitration", "en", "## Arbitration\nArbitration will be administered by the AAA.",
      "## Arbitration\nArbitration will be administered by JAMS in San Francisco.", True, ["arbitration"],
      ok=["jurisdiction"], service="Cabify Nova"),
    P(_CAT + "arbitration", "fr", "## Litiges\nTout litige sera porté devant les tribunaux compétents.",
      "## Litiges\nTout litige sera soumis à un arbitrage définitif.", True, ["arbitration"],
      ok=["jurisdiction"], service="Immobo"),
    P(_CAT + "arbitration", "de", "## Streitigkeiten\nStreitigkeiten werden vor den ordentlichen Gerichten "
      "verhandelt.", "## Streitigkeiten\nStreitigkeiten werden durch ein Schiedsgericht endgültig entschieden.",
      True, ["arbitration"], ok=["jurisdiction"], service="Baustoffe24"),
    # class-action
    P(_CAT + "class-action", "en", "## Claims\nClaims may be brought individually.",
      "## Claims\nClaims may be brought only individually, not as a plaintiff in any class action.",
      True, ["class-action"], service="Drivo"),
    P(_CAT + "class-action", "en", "## Jury\nEither party may demand a jury trial.", "## Jury\nYou waive any right "
      "to a jury trial.", True, ["class-action"], service="Lendora"),
    P(_CAT + "class-action", "en", "## Waiver\nYou waive the right to join a class action.",
      "## Waiver\nWe will post changes on the blog.", True, ["class-action"], ok=["terms-changes"],
      service="Rideo"),
    P(_CAT + "class-action", "fr", "## Recours\nVous pouvez agir individuellement.", "## Recours\nVous renoncez à "
      "toute action de groupe contre nous.", True, ["class-action"], service="Assuro"),
    P(_CAT + "class-action", "de", "## Klagen\nSie können Ansprüche einzeln geltend machen.",
      "## Klagen\nSie verzichten auf die Teilnahme an Sammelklagen gegen uns.", True, ["class-action"],
      service="Versichro"),
    # governing-law
    P(_CAT + "governing-law", "en", "## Law\nThese terms are governed by the laws of Ireland.",
      "## Law\nThese terms are governed by the laws of the State of Delaware.", True, ["governing-law"],
      service="Cloudora"),
    P(_CAT + "governing-law", "en", "## Applicable law\nEnglish law applies to this agreement.",
      "## Applicable law\nSwiss law applies to this agreement.", True, ["governing-law"], service="Vaultix"),
    P(_CAT + "governing-law", "en", "## Miscellaneous\nThese terms form the entire agreement.",
      "## Miscellaneous\nThese terms form the entire agreement and are governed by the laws of Singapore.",
      True, ["governing-law"], service="Orchidia"),
    P(_CAT + "governing-law", "fr", "## Droit applicable\nLes présentes conditions sont soumises au droit "
      "français.", "## Droit applicable\nLes présentes conditions sont soumises au droit luxembourgeois.",
      True, ["governing-law"], service="Bijoutix"),
    P(_CAT + "governing-law", "de", "## Anwendbares Recht\nEs gilt das Recht der Bundesrepublik Deutschland.",
      "## Anwendbares Recht\nEs gilt das Recht der Republik Irland.", True, ["governing-law"],
      service="Schreibstube"),
    # jurisdiction
    P(_CAT + "jurisdiction", "en", "## Courts\nThe courts of London have exclusive jurisdiction.",
      "## Courts\nThe courts of Santa Clara County, California have exclusive jurisdiction.",
      True, ["jurisdiction"], service="Streamly"),
    P(_CAT + "jurisdiction", "en", "## Venue\nYou may sue us in the courts where you live.",
      "## Venue\nAll claims must be brought in the state courts of Texas.", True, ["jurisdiction"],
      service="Gridly"),
    P(_CAT + "jurisdiction", "en", "## Forum\nDisputes are heard in Toronto.", "## Forum\nDisputes are heard "
      "in Vancouver.", True, ["jurisdiction"], service="Mapleware"),
    P(_CAT + "jurisdiction", "fr", "## Juridiction\nLes tribunaux de Paris sont seuls compétents.",
      "## Juridiction\nLes tribunaux de Lyon sont seuls compétents.", True, ["jurisdiction"],
      service="Fromagerie"),
    P(_CAT + "jurisdiction", "de", "## Gerichtsstand\nGerichtsstand ist München.",
      "## Gerichtsstand\nGerichtsstand ist Berlin.", True, ["jurisdiction"], service="Brezelbox"),
    # liability
    P(_CAT + "liability", "en", "## Liability\nOur liability is limited to the fees you paid in the last 12 "
      "months.", "## Liability\nOur liability is limited to $100.", True, ["liability"], service="Bytebarn"),
    P(_CAT + "liability", "en", "## Warranty\nWe warrant that the service will perform as described.",
      "## Warranty\nThe service is provided as is, without any warranty.", True, ["liability"],
      service="Sprocket"),
    P(_CAT + "liability", "en", "## Losses\nWe are responsible for losses caused by our negligence.",
      "## Losses\nWe are not responsible for any indirect or consequential losses, even if caused by our "
      "negligence.", True, ["liability"], service="Harvesto"),
    P(_CAT + "liability", "fr", "## Responsabilité\nNotre responsabilité est limitée à 500 €.",
      "## Responsabilité\nNotre responsabilité est limitée à 100 €.", True, ["liability"], service="Loupiote"),
    P(_CAT + "liability", "de", "## Haftung\nWir haften für Vorsatz und grobe Fahrlässigkeit.",
      "## Haftung\nWir haften nur für Vorsatz.", True, ["liability"], service="Werkzeugkiste"),
    # indemnity
    P(_CAT + "indemnity", "en", "## Your responsibilities\nYou are responsible for your posts.",
      "## Your responsibilities\nYou are responsible for your posts and will indemnify us against any claims "
      "arising from them.", True, ["indemnity"], service="Postbay"),
    P(_CAT + "indemnity", "en", "## Indemnity\nYou agree to hold us harmless from claims caused by your misuse.",
      "## Indemnity\nYou agree to hold us harmless from any claims related to your use of the service, "
      "including legal fees.", True, ["indemnity"], service="Clipper"),
    P(_CAT + "indemnity", "en", "## Claims\nYou will defend us against claims from third parties about your "
      "content.", "## Claims\nWe handle claims from third parties.", True, ["indemnity"], service="Remixa"),
    P(_CAT + "indemnity", "fr", "## Garantie\nL'utilisateur est responsable de ses contenus.",
      "## Garantie\nL'utilisateur garantit la société contre tout recours de tiers lié à ses contenus et "
      "l'indemnisera de tous frais.", True, ["indemnity"], service="Chansonnier"),
    P(_CAT + "indemnity", "de", "## Freistellung\nSie sind für Ihre Inhalte verantwortlich.",
      "## Freistellung\nSie stellen uns von allen Ansprüchen Dritter frei, die aus Ihren Inhalten entstehen.",
      True, ["indemnity"], service="Liederbuch"),
    # termination
    P(_CAT + "termination", "en", "## Accounts\nWe may suspend accounts that break these terms after a warning.",
      "## Accounts\nWe may suspend or close any account at any time without notice.", True, ["termination"],
      service="Guildhall"),
    P(_CAT + "termination", "en", "## Inactivity\nYour account stays open while you use it.",
      "## Inactivity\nWe will delete accounts that have been inactive for 12 months.", True, ["termination"],
      service="Pixelnest"),
    P(_CAT + "termination", "en", "## Ending the agreement\nWe will give you 30 days' notice before ending "
      "this agreement.", "## Ending the agreement\nWe will give you 7 days' notice before ending this agreement.",
      True, ["termination"], service="Hostwell"),
    P(_CAT + "termination", "fr", "## Résiliation\nNous pouvons suspendre votre compte après mise en demeure.",
      "## Résiliation\nNous pouvons suspendre ou supprimer votre compte à tout moment et sans préavis.",
      True, ["termination"], service="Forumix"),
    P(_CAT + "termination", "de", "## Kündigung\nWir können den Vertrag mit einer Frist von einem Monat "
      "kündigen.", "## Kündigung\nWir können Ihr Konto jederzeit ohne Angabe von Gründen sperren.",
      True, ["termination"], service="Spielhalle"),
    # terms-changes
    P(_CAT + "terms-changes", "en", "## Changes\nWe will email you 30 days before changes take effect.",
      "## Changes\nChanges take effect when we post them on this page.", True, ["terms-changes"],
      service="Clarion"),
    P(_CAT + "terms-changes", "en", "## Updates to these terms\nWe will notify you of changes.",
      "## Updates to these terms\nWe may change these terms at any time, and continued use means you accept "
      "them.", True, ["terms-changes"], ok=["acceptance"], service="Blipster"),
    P(_CAT + "terms-changes", "en", "## Notice\nMaterial changes are announced 60 days in advance.",
      "## Notice\nMaterial changes are announced 15 days in advance.", True, ["terms-changes"],
      service="Fleetio"),
    P(_CAT + "terms-changes", "fr", "## Modification des conditions\nToute modification vous sera notifiée un "
      "mois à l'avance.", "## Modification des conditions\nNous pouvons modifier les présentes conditions à tout "
      "moment sans préavis.", True, ["terms-changes"], service="Boutiqua"),
    P(_CAT + "terms-changes", "de", "## Änderungen\nÄnderungen werden Ihnen sechs Wochen vorher mitgeteilt.",
      "## Änderungen\nÄnderungen werden Ihnen zwei Wochen vorher mitgeteilt.", True, ["terms-changes"],
      service="Kontor"),
    # content-removal
    P(_CAT + "content-removal", "en", "## Moderation\nWe remove posts that break the law after review.",
      "## Moderation\nWe may remove any post at our sole discretion, without notice.", True, ["content-removal"],
      service="Chirpio"),
    P(_CAT + "content-removal", "en", "## Reviews\nAll reviews are published.", "## Reviews\nWe may refuse to "
      "publish or take down any review.", True, ["content-removal"], service="Rateit"),
    P(_CAT + "content-removal", "en", "## Appeals\nYou can appeal if we remove your content.",
      "## Appeals\nOur decision to remove content is final.", True, ["content-removal"], service="Tubeland"),
    P(_CAT + "content-removal", "fr", "## Modération\nLes contenus sont publiés sans modération préalable.",
      "## Modération\nNous pouvons supprimer tout contenu sans préavis ni justification.", True,
      ["content-removal"], service="Bavardo"),
    P(_CAT + "content-removal", "de", "## Inhalte\nIhre Beiträge werden veröffentlicht.",
      "## Inhalte\nWir dürfen Beiträge jederzeit ohne Begründung entfernen.", True, ["content-removal"],
      service="Stammtisch"),
    # content-rights
    P(_CAT + "content-rights", "en", "## Ownership\nYou own the images you generate.",
      "## Ownership\nWe own the images you generate and grant you a licence to use them.", True,
      ["content-rights"], service="Artforge"),
    P(_CAT + "content-rights", "en", "## Licence\nYou grant us a licence to host your files.",
      "## Licence\nYou grant us a perpetual, irrevocable, worldwide licence to use your files for any purpose.",
      True, ["content-rights"], service="Dropnest"),
    P(_CAT + "content-rights", "en", "## Feedback\nFeedback you send stays yours.", "## Feedback\nWe may use any "
      "feedback you send without paying you.", True, ["content-rights"], service="Ideaboard"),
    P(_CAT + "content-rights", "fr", "## Propriété\nVous restez propriétaire de vos photos.",
      "## Propriété\nVous cédez à la société tous les droits sur vos photos, pour le monde entier.", True,
      ["content-rights"], service="Objectif"),
    P(_CAT + "content-rights", "de", "## Nutzungsrechte\nSie behalten alle Rechte an Ihren Texten.",
      "## Nutzungsrechte\nSie räumen uns ein unbefristetes, unwiderrufliches Nutzungsrecht an Ihren Texten "
      "ein.", True, ["content-rights"], service="Federkiel"),
    # privacy
    P(_CAT + "privacy", "en", "## Sharing\nWe do not share your data with advertisers.",
      "## Sharing\nWe share your data with advertisers.", True, ["privacy"], service="Newsly"),
    P(_CAT + "privacy", "en", "## Location\nWe collect your approximate location.", "## Location\nWe collect your "
      "precise location, even when the app is closed.", True, ["privacy"], service="Routeo"),
    P(_CAT + "privacy", "en", "## Retention\nWe keep logs for 30 days.", "## Retention\nWe keep logs for 3 years.",
      True, ["privacy"], service="Loggly Nova"),
    P(_CAT + "privacy", "fr", "## Données personnelles\nVos données sont conservées un an.",
      "## Données personnelles\nVos données sont conservées cinq ans et transférées aux États-Unis.", True,
      ["privacy"], service="Santéa"),
    P(_CAT + "privacy", "de", "## Datenschutz\nWir geben Ihre Daten nicht an Dritte weiter.",
      "## Datenschutz\nWir geben Ihre Daten an Werbepartner weiter.", True, ["privacy"], service="Wetterwerk"),
    # ai-training
    P(_CAT + "ai-training", "en", "## AI features\nThe assistant answers questions about your notes.",
      "## AI features\nThe assistant answers questions about your notes, and we use your notes to train our "
      "models.", True, ["ai-training"], service="Notewise"),
    P(_CAT + "ai-training", "en", "## Opt-out\nYou can opt out of model training in Settings.",
      "## Opt-out\nModel training applies to all accounts.", True, ["ai-training"], service="Genio"),
    P(_CAT + "ai-training", "en", "## Outputs\nWe do not review your prompts.", "## Outputs\nHuman reviewers may "
      "read your prompts to improve our AI systems.", True, ["ai-training"], ok=["privacy"], service="Askly"),
    P(_CAT + "ai-training", "fr", "## IA\nVos conversations ne servent pas à améliorer nos modèles.",
      "## IA\nVos conversations servent à entraîner nos modèles d'intelligence artificielle.", True,
      ["ai-training"], service="Causette"),
    P(_CAT + "ai-training", "de", "## KI\nSie können dem Training widersprechen.",
      "## KI\nIhre Inhalte werden zum Training unserer KI-Modelle genutzt; ein Widerspruch ist nicht möglich.",
      True, ["ai-training"], service="Schlaumeier"),
    # acceptance
    P(_CAT + "acceptance", "en", "## Agreement\nYou accept these terms by ticking the box when you sign up.",
      "## Agreement\nBy using the service you accept these terms.", True, ["acceptance"], service="Browsey"),
    P(_CAT + "acceptance", "en", "## Acceptance\nThese terms apply once you create an account.",
      "## Acceptance\nThese terms apply as soon as you visit any page of the site.", True, ["acceptance"],
      service="Portalo"),
    P(_CAT + "acceptance", "en", "## Agreement\nBy continuing to browse, you agree to these terms.",
      "## Agreement\nYou agree to these terms when you create an account.", True, ["acceptance"],
      service="Visitly"),
    P(_CAT + "acceptance", "fr", "## Acceptation\nVous acceptez les présentes conditions en cochant la case.",
      "## Acceptation\nToute utilisation du site vaut acceptation des présentes conditions.", True,
      ["acceptance"], service="Clicot"),
    P(_CAT + "acceptance", "de", "## Zustimmung\nSie stimmen den Bedingungen bei der Registrierung zu.",
      "## Zustimmung\nMit der Nutzung der Website erklären Sie sich mit diesen Bedingungen einverstanden.",
      True, ["acceptance"], service="Seitenblick"),
    # eligibility
    P(_CAT + "eligibility", "en", "## Age\nYou must be 13 or older to use the service.",
      "## Age\nYou must be 18 or older to use the service.", True, ["eligibility"], service="Teenzo"),
    P(_CAT + "eligibility", "en", "## Who can use it\nAnyone can sign up.", "## Who can use it\nOnly businesses "
      "registered in the EU can sign up.", True, ["eligibility"], service="Tradewise"),
    P(_CAT + "eligibility", "en", "## Minors\nUsers under 16 need a parent's consent.",
      "## Minors\nUsers under 16 may not use the service.", True, ["eligibility"], service="Playpal"),
    P(_CAT + "eligibility", "fr", "## Conditions d'accès\nLe service est ouvert aux personnes de 15 ans et plus.",
      "## Conditions d'accès\nLe service est réservé aux personnes majeures.", True, ["eligibility"],
      service="Rencontra"),
    P(_CAT + "eligibility", "de", "## Mindestalter\nDie Nutzung ist ab 16 Jahren erlaubt.",
      "## Mindestalter\nDie Nutzung ist ab 18 Jahren erlaubt.", True, ["eligibility"], service="Spielraum"),
    # service-changes
    P(_CAT + "service-changes", "en", "## Availability\nWe guarantee 99.9% uptime.",
      "## Availability\nWe aim for 99% uptime but do not guarantee it.", True, ["service-changes"],
      ok=["liability"], service="Uptimo"),
    P(_CAT + "service-changes", "en", "## Models\nOlder models remain available for 12 months after a new "
      "release.", "## Models\nOlder models may be retired at any time.", True, ["service-changes"],
      service="Modelry"),
    P(_CAT + "service-changes", "en", "## Beta\nThe service is generally available.",
      "## Beta\nThe service is a beta and may change or stop at any time.", True, ["service-changes"],
      service="Betabox"),
    P(_CAT + "service-changes", "fr", "## Disponibilité\nLe service est accessible 24 h/24.",
      "## Disponibilité\nNous pouvons interrompre ou modifier le service à tout moment sans préavis.", True,
      ["service-changes"], service="Agendo"),
    P(_CAT + "service-changes", "de", "## Verfügbarkeit\nWir garantieren eine Verfügbarkeit von 99,5 %.",
      "## Verfügbarkeit\nWir garantieren eine Verfügbarkeit von 98 %.", True, ["service-changes"],
      service="Serverhof"),
    # usage-rules
    P(_CAT + "usage-rules", "en", "## Limits\nYou can send up to 1,000 messages a day.",
      "## Limits\nYou can send up to 200 messages a day.", True, ["usage-rules"], service="Pingly"),
    P(_CAT + "usage-rules", "en", "## Acceptable use\nDo not upload malware.", "## Acceptable use\nDo not upload "
      "malware or use the service to build competing products.", True, ["usage-rules"], service="Codewell"),
    P(_CAT + "usage-rules", "en", "## Account security\nKeep your password safe.",
      "## Account security\nKeep your password safe. You are responsible for all activity under your account.",
      True, ["usage-rules"], ok=["liability"], service="Keyring"),
    P(_CAT + "usage-rules", "fr", "## Règles d'utilisation\nIl est interdit de publier des contenus illicites.",
      "## Règles d'utilisation\nIl est interdit de publier des contenus illicites ou de créer plusieurs comptes.",
      True, ["usage-rules"], service="Agora"),
    P(_CAT + "usage-rules", "de", "## Nutzungsregeln\nSie dürfen bis zu 5 Geräte verbinden.",
      "## Nutzungsregeln\nSie dürfen bis zu 2 Geräte verbinden.", True, ["usage-rules"], service="Streamhaus"),
    # --- session 19: a refund, credit or payment period changed, whatever verb states it ---------
    P("refund-period", "en", "## Refunds\nWe refund unused credit within 14 days.",
      "## Refunds\nWe refund unused credit within 30 days.", True, ["refunds"], service="Tallowick"),
    P("refund-period", "en", "## Refunds\nWe return the unused prepaid balance to your card within 10 days.",
      "## Refunds\nWe return the unused prepaid balance to your card within 45 days.", True, ["refunds"],
      ok=["payment"], service="Brindle"),
    P("refund-period", "en", "## Refunds\nWe will issue a refund no later than 7 days after cancellation.",
      "## Refunds\nWe will issue a refund no later than 21 days after cancellation.", True, ["refunds"],
      ok=["subscription"], service="Cobbleton"),
    P("refund-period", "de", "## Erstattung\nDie Rückerstattung erfolgt innerhalb von 14 Tagen.",
      "## Erstattung\nDie Rückerstattung erfolgt innerhalb von 30 Tagen.", True, ["refunds"], service="Kessel"),
    P("refund-period", "fr", "## Remboursement\nLe remboursement des crédits non utilisés intervient sous 14 jours.",
      "## Remboursement\nLe remboursement des crédits non utilisés intervient sous 30 jours.", True, ["refunds"],
      service="Mirabeau"),
    # --- session 19: Spanish periods, ages and numbers in words ------------------------------------
    P("es-period", "es", "## Conservación de datos\nSus notas se conservarán durante 2 años.",
      "## Conservación de datos\nSus notas se conservarán durante 4 años.", True, ["privacy"], service="Alcorán"),
    P("es-period", "es", "## Cambios\nLe avisaremos de cualquier cambio con treinta días de antelación.",
      "## Cambios\nLe avisaremos de cualquier cambio con quince días de antelación.", True, ["terms-changes"],
      service="Veleta"),
    P("es-period", "es", "## Reembolsos\nReembolsaremos el importe en un plazo de 14 días.",
      "## Reembolsos\nReembolsaremos el importe en un plazo de 30 días.", True, ["refunds"], service="Tomillo"),
    P("es-period", "es", "## Edad mínima\nDebe tener al menos 16 años para usar el servicio.",
      "## Edad mínima\nDebe tener al menos 13 años para usar el servicio.", True, ["eligibility"], service="Cometa"),
    P("es-period", "es", "## Cambios\nLe avisaremos de cualquier cambio con 30 días de antelación.",
      "## Cambios\nLe avisaremos de cualquier cambio con treinta días de antelación.", False, [], service="Veleta"),
    # --- session 19: an added charge stated with a French or German verb of effect ----------------
    P("fr-de-effect-verb", "fr", "## Paiement\nLes factures sont payables à réception.",
      "## Paiement\nLes factures sont payables à réception.\nTout retard de paiement entraîne une pénalité de 40 €.",
      True, ["payment"], ok=["pricing"], service="Ardoise"),
    P("fr-de-effect-verb", "fr", "## Paiement\nLes factures sont payables à réception.",
      "## Paiement\nLes factures sont payables à réception.\nChaque relance donne lieu à des frais de 12 €.",
      True, ["payment"], ok=["pricing"], service="Ardoise"),
    P("fr-de-effect-verb", "de", "## Zahlung\nRechnungen sind sofort fällig.",
      "## Zahlung\nRechnungen sind sofort fällig.\nJeder Zahlungsverzug führt zu einer Gebühr von 40 €.",
      True, ["payment"], ok=["pricing"], service="Zollhaus"),
    P("fr-de-effect-verb", "de", "## Zahlung\nRechnungen sind sofort fällig.",
      "## Zahlung\nRechnungen sind sofort fällig.\nFür jede Mahnung wird eine Gebühr von 15 € berechnet.",
      True, ["payment"], ok=["pricing"], service="Zollhaus"),
    P("fr-de-effect-verb", "en", "## Payment\nInvoices are due on receipt.",
      "## Payment\nInvoices are due on receipt.\nAny late payment incurs a penalty of €40.",
      True, ["payment"], ok=["pricing"], service="Slatewell"),
]


def run(probe: Probe) -> dict:
    """The real analysis of one probe, and whether its flag, categories and direction are right."""
    from tracker.analysis.analyse import analyse

    a = analyse(document(probe, probe.old), document(probe, probe.new))
    pred = set(a.categories)
    flag_ok = bool(a.material) == probe.material
    want = set(probe.cats)
    cats_ok = (not probe.material and not a.material) or (want <= pred <= want | set(probe.ok)) if probe.material \
        else not a.material
    said = " | ".join(c.explanation for c in a.changes if c.material) or a.summary
    direction_ok = True
    if probe.check in ("not-good-news", "removed-not-good"):
        direction_ok = "good news" not in said and "good news" not in a.summary
    if probe.check == "removed-not-good":
        direction_ok = direction_ok and any(c.kind == "removed" and c.material for c in a.changes)
    return {"kind": probe.kind, "lang": probe.lang, "service": probe.service, "flag_ok": flag_ok,
            "cats_ok": bool(cats_ok) and flag_ok, "direction_ok": direction_ok, "material": bool(a.material),
            "categories": sorted(pred), "want": sorted(want), "summary": a.summary, "said": said}


def main(argv: list[str] | None = None) -> int:
    """Run every probe (or one kind's) and print the per-kind table and the wrong probes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", help="only the probes of this kind (e.g. scope-list-item, cat:pricing)")
    ap.add_argument("--quiet", action="store_true", help="the table only")
    ap.add_argument("--json", action="store_true", help="the results as JSON")
    args = ap.parse_args(argv)
    probes = [p for p in PROBES if not args.kind or p.kind == args.kind]
    if not probes:
        print(f"no probes of kind {args.kind!r}", file=sys.stderr)
        return 2
    rows = [run(p) for p in probes]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    kinds: dict[str, list[dict]] = {}
    for r in rows:
        kinds.setdefault(r["kind"], []).append(r)
    print(f"{'kind':<26} {'flag':>6} {'cats':>6} {'dir':>5}")
    tot = [0, 0, 0]
    for kind, rs in kinds.items():
        f = sum(r["flag_ok"] for r in rs)
        c = sum(r["cats_ok"] for r in rs)
        d = sum(r["direction_ok"] for r in rs)
        tot[0] += f
        tot[1] += c
        tot[2] += d
        print(f"{kind:<26} {f:>3}/{len(rs):<2} {c:>3}/{len(rs):<2} {d:>2}/{len(rs):<2}")
    print(f"{'TOTAL':<26} {tot[0]:>3}/{len(rows)} {tot[1]:>3}/{len(rows)} {tot[2]:>3}/{len(rows)}")
    if not args.quiet:
        print("\nwrong probes:")
        for r in rows:
            if r["flag_ok"] and r["cats_ok"] and r["direction_ok"]:
                continue
            print(f"- [{r['kind']}] {r['lang']} {r['service']}: material {r['material']} cats {r['categories']} "
                  f"(want {r['want']}){'' if r['direction_ok'] else ' DIRECTION'}\n    said: {r['said'][:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
