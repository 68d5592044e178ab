"""Mnemonics (the underlined Alt+letter) for every button of a dialog.

Qt's standard buttons come without one ("OK", "Cancel", "Save"), and our own buttons
were written without; a keyboard user then has to Tab to each. :func:`give_mnemonics`
gives each button that lacks one a letter no other control of the dialog uses,
preferring the first letter of a word, as desktop programs do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QGroupBox, QLabel, QWidget


def mnemonic(text: str) -> str:
    """The mnemonic letter of ``text`` (lower case), or "" when it has none."""
    index = text.replace("&&", "").find("&")
    plain = text.replace("&&", "")
    return plain[index + 1].lower() if 0 <= index < len(plain) - 1 else ""


def _candidates(text: str) -> list[int]:
    """Positions of letters worth underlining: word starts first, then the rest."""
    starts = [
        i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())
    ]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    return starts + others


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before the first letter not in ``taken`` (which gains it).

    Text that already has a mnemonic, holds a literal ``&``, or has no free letter
    comes back unchanged.
    """
    if "&" in text:
        return text
    for index in _candidates(text):
        letter = text[index].lower()
        if letter not in taken:
            taken.add(letter)
            return f"{text[:index]}&{text[index:]}"
    return text


def give_mnemonics(root: QWidget, *, only: Sequence[QWidget] = ()) -> None:
    """Give every button under ``root`` a mnemonic no other control under it uses.

    With ``only``, just the buttons under those widgets are named (the letters of all
    of ``root`` still count as taken): buttons whose text is data, such as the values
    of a merge conflict, keep their text as it is.
    """
    scopes = list(only) or [root]
    buttons = [b for scope in scopes for b in scope.findChildren(QAbstractButton) if b.text()]
    # OK, Cancel and their kind are pressed most: they get the first pick of letters.
    buttons.sort(key=lambda b: not isinstance(b.parentWidget(), QDialogButtonBox))
    texts = [label.text() for label in root.findChildren(QLabel)]
    texts += [box.title() for box in root.findChildren(QGroupBox)]
    texts += [b.text() for b in root.findChildren(QAbstractButton)]
    taken = {m for m in map(mnemonic, texts) if m}
    for button in buttons:
        button.setText(with_mnemonic(button.text(), taken))
