"""Sciatic nerve variants: choose one to see its course drawn, with how often it is reported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.diagram_marks import Variant
from app.ui.widgets import button, label

#: Where the atlas sends a learner who wants to know what the variants mean clinically.
PIRIFORMIS_LESSON = "lesson:medical-causes#piriformis-syndrome"
_ROLE_ID = Qt.ItemDataRole.UserRole


class VariantsPanel(QWidget):
    """A list of the drawn variants (plus the usual course) and a link to the lesson.

    A word-wrapping list rather than radio buttons: radio buttons never wrap, and the names
    and frequencies must stay whole in a narrow sidebar at twice the text size.

    Signals:
        variant_chosen(str): the variant id to draw ("" for the usual course alone).
        link_requested(str): the learner asked for the lesson on piriformis syndrome.
    """

    variant_chosen = Signal(str)
    link_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._variants: tuple[Variant, ...] = ()
        self._lesson = PIRIFORMIS_LESSON
        self.choices = QListWidget()
        self.choices.setAccessibleName("Sciatic nerve variants")
        self.choices.setWordWrap(True)
        self.choices.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.choices.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_note = label("This view draws no variants.", "muted")
        self.lesson_button = button("Read the lesson")  # short: it must fit a narrow sidebar
        self.lesson_button.setToolTip("The lesson on piriformis syndrome")
        self.lesson_button.setAccessibleName("Open the lesson on piriformis syndrome")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(
            label(
                "How the sciatic nerve passes piriformis varies. Pick a pattern to see it "
                "drawn; the frequencies come from cadaver studies, which disagree.",
                "muted",
            )
        )
        column.addWidget(self.empty_note)
        column.addWidget(self.choices, 1)
        column.addWidget(self.lesson_button)
        self.choices.currentItemChanged.connect(self._on_choices_current_item_changed)
        self.lesson_button.clicked.connect(self._on_lesson_button_clicked)
        self.set_variants(())

    @property
    def chosen(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(_ROLE_ID)) if item is not None else ""

    def set_variants(self, variants: tuple[Variant, ...]) -> None:
        """Offer these variants (the sciatic nerve's, from the shown figure)."""
        self._variants = variants
        self.choices.blockSignals(True)
        self.choices.clear()
        # The usual course is what the figure draws anyway; a variant marked common only
        # lends it its name and frequency.
        common = next((v for v in variants if v.common), None)
        usual_text = "Usual course (as drawn)"
        if common is not None:
            usual_text = f"{common.name or usual_text}\n{common.frequency}".strip()
        usual = QListWidgetItem(usual_text)
        usual.setData(_ROLE_ID, "")
        self.choices.addItem(usual)
        for variant in variants:
            if variant.common:
                continue
            name = variant.name or variant.variant_id
            text = f"{name}\n{variant.frequency}" if variant.frequency else name
            item = QListWidgetItem(text)
            item.setData(_ROLE_ID, variant.variant_id)
            item.setToolTip(variant.frequency)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.blockSignals(False)
        self.variant_chosen.emit("")  # a fresh list shows the usual course
        self.empty_note.setVisible(not variants)
        links = [v.link for v in variants if v.link]
        self._lesson = links[0] if links else PIRIFORMIS_LESSON

    def choose(self, variant_id: str) -> None:
        """Select a variant as a click on it would ("" for the usual course)."""
        for row in range(self.choices.count()):
            if self.choices.item(row).data(_ROLE_ID) == variant_id:
                self.choices.blockSignals(True)
                self.choices.setCurrentRow(row)
                self.choices.blockSignals(False)
                self.variant_chosen.emit(variant_id)  # even when the row was already current
                return

    def _on_choices_current_item_changed(self, current: QListWidgetItem | None) -> None:
        self.variant_chosen.emit(str(current.data(_ROLE_ID)) if current is not None else "")

    def _on_lesson_button_clicked(self) -> None:
        self.link_requested.emit(self._lesson)
