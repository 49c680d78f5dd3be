"""Every value control says what it is for, the way a Linux screen reader hears it.

On AT-SPI Qt announces a combo box by its current value: ``QAccessibleComboBox::text`` answers
``Name`` with the selected item under ``Q_OS_UNIX`` ("on Linux we use relations for this") and
never reads ``setAccessibleName``. The purpose reaches Orca only through the "labelled by"
relation, which Qt builds from a sibling ``QLabel`` whose buddy is the control
(``QAccessibleWidget::relations``). So this test asks Qt's accessibility interface, not the
widget: a control passes when it has a labelled-by label with text, or an accessible name
that is not just its value.

The walk covers every page, the views inside pages that showing a page never reaches (as
``test_tab_order.py`` does), every diary tab and the kiosk administrator's panels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.quiz import QuestionKind
from app.domain.quiz_session import Mode, QuizPlan
from app.ui.diary.page import DiaryPage
from app.ui.kiosk.admin_panel import AdminPanel
from app.ui.kiosk.pin_pad import PinPad
from app.ui.main_window import MainWindow
from app.ui.quiz.page import QuizPage
from app.ui.stretch.page import StretchPage

VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractSlider)


def value_controls(root: QWidget) -> list[QWidget]:
    """The value controls a keyboard user can reach under ``root`` as it is shown."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, VALUE_WIDGETS) or isinstance(widget, QScrollBar):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box speaks as its owner
        tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tab and widget.isVisible() and widget.isEnabled():
            found.append(widget)
    return found


def announced_purpose(widget: QWidget) -> str:
    """What AT-SPI offers as the control's purpose: its labelled-by labels, else an accessible
    name that is not merely the value it holds; empty when it offers none."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    labels = [
        other.text(QAccessible.Text.Name).strip()
        for other, _ in interface.relations(QAccessible.Relation.Label)
    ]
    if any(labels):
        return " ".join(labels)
    name = interface.text(QAccessible.Text.Name).strip()
    value = interface.text(QAccessible.Text.Value).strip()
    return name if name != value else ""


def unnamed(root: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {type(widget).__name__} {widget.accessibleName()!r} is announced by its value"
        for widget in value_controls(root)
        if not announced_purpose(widget)
    ]


def _numeric_question(window: MainWindow) -> None:
    window.show_page("quiz")
    page = window.page("quiz")
    assert isinstance(page, QuizPage)
    questions = window.context.content.questions.values()
    numeric = next(q for q in questions if q.kind is QuestionKind.NUMERIC)
    page.start(QuizPlan("Names", Mode.TEST, (numeric.id,), 1))


def _stretch(view: str) -> Callable[[MainWindow], None]:
    def show(window: MainWindow) -> None:
        window.show_page("stretch")
        page = window.page("stretch")
        assert isinstance(page, StretchPage)
        page.reset()
        if view == "builder":
            page.library.build_requested.emit("desk-break")
        else:
            page.library.start_requested.emit("desk-break")

    return show


def _diary_tab(index: int) -> Callable[[MainWindow], None]:
    def show(window: MainWindow) -> None:
        window.show_page("diary")
        page = window.page("diary")
        assert isinstance(page, DiaryPage)
        page.tabs.setCurrentIndex(index)

    return show


#: Views inside pages that showing the page alone never reaches.
STATES: dict[str, Callable[[MainWindow], None]] = {
    "quiz-numeric": _numeric_question,
    "stretch-builder": _stretch("builder"),
    "stretch-player": _stretch("player"),
    **{f"diary-tab-{index}": _diary_tab(index) for index in range(1, 5)},
}


def test_every_value_control_on_every_page_announces_its_purpose(window: MainWindow) -> None:
    """No combo box, spin box, line edit or slider on any page or view is announced only by
    the value it holds."""
    missing: list[str] = []
    for key in window.page_keys():
        window.show_page(key)
        QApplication.processEvents()
        missing.extend(unnamed(window.page(key), key))
    for state, show in STATES.items():
        show(window)
        QApplication.processEvents()
        missing.extend(unnamed(window, state))
    assert not missing, "\n".join(missing)


def test_every_value_control_in_the_kiosk_panels_announces_its_purpose(
    window: MainWindow,
) -> None:
    """The administrator's PIN pad and settings name their fields too."""
    for panel in (PinPad(window), AdminPanel(window, [])):
        panel.open()
        QApplication.processEvents()
        assert value_controls(panel), "the panel shows no value control to check"
        assert not unnamed(panel, type(panel).__name__)
        panel.close()


def test_a_combo_box_is_announced_by_its_buddy_not_its_accessible_name(qtbot: QtBot) -> None:
    """The rule can fail: an accessible name alone leaves a combo box announced by its value;
    a sibling label that is its buddy gives it a purpose."""
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    combo = QComboBox()
    combo.addItems(["5 questions", "10 questions"])
    combo.setAccessibleName("Number of questions")
    column.addWidget(combo)
    holder.show()
    assert announced_purpose(combo) == ""
    caption = QLabel("&Number of questions")
    caption.setBuddy(combo)
    column.insertWidget(0, caption)
    assert announced_purpose(combo) == "Number of questions"
