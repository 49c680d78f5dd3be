"""About's third-party section: each shipped component with its licence, and its full notice."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.third_party import NoticesError, ThirdPartyNotices, find_notices
from app.ui.widgets import label

#: List and text sit side by side at this height, so About fits a 720x540 screen.
PANE_HEIGHT = 230
LIST_WIDTH = 290
#: The theme's item padding (8 px above and below) and a 2 px focus border on each side.
ITEM_PADDING = 24
FROM_SOURCE = (
    "Running from source: nothing third-party is redistributed here. The bundle, the wheel "
    "and the Debian package each list what they ship."
)


class ThirdPartyPanel(QWidget):
    """A scrollable list of shipped components; choosing one shows its licence text."""

    def __init__(
        self, notices: ThirdPartyNotices | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        try:
            self._notices = notices if notices is not None else find_notices()
        except NoticesError as error:
            column.addWidget(label(f"The notice file is damaged ({error}).", "muted"))
            return
        if self._notices is None:
            column.addWidget(label(FROM_SOURCE, "muted"))
            return
        self._add_lists(column, self._notices)

    def _add_lists(self, column: QVBoxLayout, notices: ThirdPartyNotices) -> None:
        # A zero-width space after each slash lets the long path wrap inside the fixed width.
        where = str(notices.plain_text).replace("/", "/\u200b")
        column.addWidget(
            label(
                f"This {notices.built_as} ships the {len(notices.components)} components listed "
                f"here. All their texts together: {where}",
                "muted",
            )
        )
        self.components = QListWidget()
        self.components.setAccessibleName("Shipped components and their licences")
        self.components.setFixedSize(LIST_WIDTH, PANE_HEIGHT)
        self.components.setWordWrap(True)
        self.components.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room for both lines plus the focus border, which would otherwise elide the second.
        two_lines = 2 * self.components.fontMetrics().lineSpacing() + ITEM_PADDING
        for component in notices.components:
            # Name on the first line, licence on the second: long licence names stay whole.
            item = QListWidgetItem(f"{component.name} {component.version}\n{component.licence}")
            item.setToolTip(component.licence)
            item.setSizeHint(QSize(0, two_lines))
            self.components.addItem(item)
        self.notice = QPlainTextEdit()
        self.notice.setReadOnly(True)
        self.notice.setAccessibleName("Licence text of the chosen component")
        self.notice.setFixedHeight(PANE_HEIGHT)
        self.components.currentRowChanged.connect(self._on_components_current_row_changed)
        panes = QHBoxLayout()
        panes.addWidget(self.components)
        panes.addWidget(self.notice, 1)
        column.addLayout(panes)
        self.components.setCurrentRow(0)

    def _on_components_current_row_changed(self, row: int) -> None:
        if self._notices is None or not 0 <= row < len(self._notices.components):
            return
        component = self._notices.components[row]
        heading = f"{component.name} {component.version}\nLicence: {component.licence}"
        self.notice.setPlainText(f"{heading}\nFrom: {component.origin}\n\n{component.notice}")
