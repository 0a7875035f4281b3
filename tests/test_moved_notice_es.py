"""A short page saying the terms moved, in Spanish, Italian or Portuguese, is refused as a "moved
page" with its new address, as the English, French and German notices are; a page that only
mentions an address, or hedges ("puede que se haya movido"), is not. Invented pages of a fictional
service, "Nubecita", read by ``guards.error_page``.
"""

from __future__ import annotations

import pytest

from tracker.fetch import guards as guard

URL = "https://nubecita.example/terminos"


def page(title: str, said: str, href: str) -> tuple[str, bytes]:
    raw = (f"<!doctype html><html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
           f"<p>{said} <a href='{href}'>{href}</a>.</p></main></body></html>").encode()
    return f"# {title}\n\n{said} [{href}]({href}).", raw


@pytest.mark.parametrize("said", [
    "Nuestros términos y condiciones se han trasladado. Consulta la nueva versión en",
    "Nuestros términos y condiciones se han movido a",
    "Hemos trasladado nuestros términos de servicio. Puedes leerlos en",
    "Esta página ha cambiado de dirección. La política de privacidad de Nubecita ahora está disponible en",
    "Los términos de uso de Nubecita se encuentran en una nueva dirección:",
    "I nostri termini e condizioni sono stati spostati. Consulta la nuova versione su",
    "Abbiamo spostato i nostri termini di servizio. Li trovi ora su",
    "Os nossos termos e condições mudaram de endereço. Consulte a nova versão em",
    "Transferimos os nossos termos de serviço para um novo endereço:",
])
def test_a_spanish_italian_or_portuguese_moved_notice_is_refused_with_its_address(said):
    text, raw = page("Nubecita", said, "/legal/nuevos-terminos")
    reason = guard.error_page(text, raw, url=URL, final_url=URL)
    assert reason is not None and guard.MOVED in reason, reason
    assert "https://nubecita.example/legal/nuevos-terminos" in reason


@pytest.mark.parametrize("said", [
    "La página no existe o puede que se haya movido. Vuelve a la",
    "Nuestra oficina está en Calle Falsa 12, Madrid. Escríbenos desde la",
])
def test_a_hedged_move_or_a_mere_address_is_no_moved_notice(said):
    text, raw = page("Nubecita", said, "/ayuda/contacto")
    assert guard.moved_to(raw, URL, text) is None
