"""Spanish (and Italian and Portuguese) terms read as French and German ones are: a date stamp is
a date-only change, a clear legal sentence has legal effect and a category. Invented documents of a
fictional photo service, "Nubecita"; whole documents go through ``analyse``.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import DATE, is_update_stamp
from tracker.analysis.classify import normalize
from tracker.analysis.lexicons import language

TERMINOS = """\
# Términos y condiciones de Nubecita

Última actualización: 2 de noviembre de 2026

## 1. Uso del servicio

Nubecita te permite guardar y compartir tus fotos con tus amigos.
Puedes cancelar tu suscripción en cualquier momento desde tu cuenta.

## 2. Reembolsos

Puedes solicitar el reembolso de tu compra dentro de los 14 días siguientes a la compra.

## 3. Ley aplicable

Estos términos se rigen por la legislación española.
Los tribunales de Madrid serán competentes para resolver cualquier disputa.
"""


# --- date stamps ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("was", "now"), [
    ("Última actualización: 2 de noviembre de 2026", "Última actualización: 2 de diciembre de 2026"),
    ("Última actualización: 2 de noviembre de 2026", "Fecha de entrada en vigor: 1 de enero de 2027"),
    ("Vigente desde el 1.º de octubre de 2026", "Vigente desde el 1.º de enero de 2027"),
    ("Actualizado el 02/11/2026", "Actualizado el 02/12/2026"),
    ("Ultimo aggiornamento: 2 novembre 2026", "Ultimo aggiornamento: 2 dicembre 2026"),
    ("In vigore dal 3 ottobre 2026", "In vigore dal 3 gennaio 2027"),
    ("Última atualização: 2 de novembro de 2026", "Última atualização: 2 de dezembro de 2026"),
    ("Em vigor desde 2 de novembro de 2026", "Em vigor desde 2 de dezembro de 2026"),
])
def test_a_spanish_italian_or_portuguese_date_stamp_is_a_date_only_change(was, now):
    assert is_update_stamp(was) and is_update_stamp(now)
    old = TERMINOS.replace("Última actualización: 2 de noviembre de 2026", was)
    result = analyse(old, old.replace(was, now))
    assert not result.material, result.summary
    assert "date-only" in result.cosmetic, result.summary


@pytest.mark.parametrize("text", [
    "Puedes solicitar el reembolso dentro de los 14 días siguientes a la compra.",
    "Borraremos los datos de tu cuenta tras 30 días de inactividad.",
])
def test_a_term_without_a_date_is_no_stamp(text):
    assert not is_update_stamp(text)


def test_spanish_months_are_dates_but_a_bare_month_word_is_not():
    assert DATE.search("el 2 de diciembre de 2026")
    assert DATE.search("desde marzo de 2027")
    assert not DATE.search("en el marco de la ley y en mayo")


# --- legal effect, categories and facts ----------------------------------------------------------
def _after(old: str, new: str, *edits: tuple[str, str]) -> str:
    for a, b in edits:
        assert a in new, a
        new = new.replace(a, b)
    return new


def test_a_spanish_ai_training_clause_added_is_material_ai_training():
    new = _after(TERMINOS, TERMINOS, ("con tus amigos.\n", "con tus amigos.\nPodemos usar tus fotos y sus "
                 "metadatos para entrenar nuestros modelos de inteligencia artificial y compartirlas con nuestros "
                 "socios.\n"))
    result = analyse(TERMINOS, new)
    assert result.material, result.summary
    assert "ai-training" in result.categories, result.categories


def test_a_spanish_refund_window_cut_is_material_refunds():
    result = analyse(TERMINOS, TERMINOS.replace("dentro de los 14 días", "dentro de los 7 días"))
    assert result.material, result.summary
    assert "refunds" in result.categories, result.categories
    assert "7 days instead of 14 days" in result.changes[0].explanation


def test_a_spanish_choice_of_court_removed_is_material():
    result = analyse(TERMINOS, TERMINOS.replace(
        "Los tribunales de Madrid serán competentes para resolver cualquier disputa.\n", ""))
    assert result.material, result.summary
    assert set(result.changes[0].categories) & {"jurisdiction", "governing-law"}, result.changes[0]


def test_a_spanish_class_action_waiver_added_is_material_class_action():
    result = analyse(TERMINOS, TERMINOS.replace("desde tu cuenta.\n", "desde tu cuenta.\nAl aceptar estos "
                                                "términos, renuncias a participar en demandas colectivas contra Nubecita.\n"))
    assert result.material, result.summary
    assert "class-action" in result.categories, result.categories


def test_a_spanish_duty_without_a_category_still_has_legal_effect():
    result = analyse(TERMINOS, TERMINOS.replace("con tus amigos.\n", "con tus amigos.\nDebes tener una cuenta "
                                                "verificada para publicar álbumes públicos.\n"))
    assert result.material, result.summary


def test_a_spanish_welcome_line_has_no_legal_effect():
    result = analyse(TERMINOS, TERMINOS.replace("con tus amigos.\n", "con tus amigos.\nGracias por elegir "
                                                "Nubecita, el lugar donde viven tus recuerdos.\n"))
    assert not result.material, result.summary


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Los tribunales de Madrid serán competentes para resolver cualquier disputa.", "es"),
    ("Puedes cancelar tu suscripción en cualquier momento desde tu cuenta.", "es"),
    ("Les tribunaux de Lyon sont seuls compétents pour tout litige.", "fr"),
    ("Es gilt das Recht der Bundesrepublik Deutschland.", "de"),
    ("You may cancel your subscription at any time from your account.", "en"),
    ("The courts of Madrid have exclusive jurisdiction over any dispute.", "en"),
])
def test_spanish_is_told_apart_from_french_german_and_english(sentence, lang):
    assert language(normalize(sentence)) == lang


def test_spanish_terms_are_as_dense_in_topic_words_as_english_ones() -> None:
    """The topic-word count that tells terms from a landing page reads Spanish too: a Spanish
    document of terms counts about as many topic words as the same text in English (before, only
    words Spanish shares with English, French or German counted: about a fifth)."""
    from tracker.analysis.scope import TOPIC_DENSE, topic_density

    es = ("Al crear una cuenta en Nubecita aceptas estas condiciones. El precio de la suscripción "
          "mensual es de 10 euros. Puedes cancelar tu suscripción y solicitar un reembolso dentro "
          "de 14 días. Tratamos tus datos personales según nuestra política de privacidad. Nuestra "
          "responsabilidad se limita al importe pagado.")
    en = ("By creating a Nubecita account you accept these terms. The price of the monthly "
          "subscription is 10 euros. You can cancel your subscription and request a refund within "
          "14 days. We process your personal data under our privacy policy. Our liability is "
          "limited to the amount paid.")
    density_es, _ = topic_density(es)
    density_en, _ = topic_density(en)
    assert density_es >= 5 * TOPIC_DENSE
    assert density_es >= 0.6 * density_en
