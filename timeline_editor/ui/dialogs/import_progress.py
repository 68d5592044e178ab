"""Progress and Cancel for an import that runs in the window's own thread.

Decision: the import runs in the GUI thread and its progress callback (every thousand
records) updates the dialog and lets Qt handle pending events, rather than running on a
worker thread. The importers are pure Python, so a thread would hold the interpreter
lock and keep the window no livelier, while the single thread keeps the result and
every error where the window handles them. The dialog is window-modal, so nothing else
in the window can be used meanwhile; Cancel makes the next cancel check stop the import
(:class:`~timeline_editor.io.importers.ImportCancelledError`), and because an import
only returns a finished project, nothing of it is applied. Reading and parsing the file
come before the first record and cannot be interrupted (a 200 MB file takes seconds).
A quick import shows no dialog at all (:data:`SHOW_AFTER_MS`).
"""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

#: An import that ends sooner shows no dialog.
SHOW_AFTER_MS = 400


class ImportProgress:
    """A progress dialog for one import: pass :meth:`progress` and :meth:`cancelled` on."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        self._label = f"Importing “{name}”…"
        self.dialog = QProgressDialog(self._label, "&Cancel", 0, 0, parent)
        self.dialog.setObjectName("importProgress")
        self.dialog.setWindowTitle("Import")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.calls = 0

    def progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` records (``total`` 0: unknown) and handle events."""
        self.calls += 1
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        of = f" of {total:,}" if total > 0 else ""
        self.dialog.setLabelText(f"{self._label}\n{done:,}{of} records read")
        QCoreApplication.processEvents()

    def cancelled(self) -> bool:
        """True once the user pressed Cancel (or Escape, or closed the dialog)."""
        return self.dialog.wasCanceled()

    def __enter__(self) -> ImportProgress:
        """Start timing: the dialog appears if the import is not done soon."""
        self.dialog.setValue(0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Close the dialog, however the import ended."""
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
