"""Spanish (and Italian and Portuguese) terms read as French and German ones are: a date stamp is
a date-only change, a clear legal sentence has legal effect and a category. Invented documents of a
fictional photo service, "Nubecita"; whole documents go through ``analyse``.
"""

from __future__ import annotations

import pytest

from tracker.analysis import analyse
from tracker.analysis.boilerplate import DATE, is_update_stamp

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
