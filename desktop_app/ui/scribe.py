"""Scribe entry, keyboard first: type, Enter, next.

:class:`ScribeEdit` is the entry field (Enter saves and clears, Shift+Enter is a
new line, Up in an empty field edits the last proposal, at most 2,000
characters without ever losing what was typed). :class:`ScribePanel` joins it
to the list of the chosen table's proposals in the chosen round, with inline
edit and Delete, a gentle near-duplicate warning and a counter near the limit.

The Enter path is kept short on purpose: one storage command through the
controller, then only this cell's list and count change (no big view is
rebuilt), so the proposal is on disk and visible within a few milliseconds
even in a session with thousands of proposals.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core.model import MAX_PROPOSAL_LENGTH, Kind, Proposal
from desktop_app.core.near_duplicate import NearDuplicateIndex
from desktop_app.storage.session_file import Change, Origin, new_id
from desktop_app.ui.controller import SessionController
from desktop_app.ui.pages.base import hint

ID_ROLE = Qt.ItemDataRole.UserRole
COUNTER_FROM = 1800  # the counter shows from here on
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_plain(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.NoModifier


class LimitedTextEdit(QPlainTextEdit):
    """Plain text that refuses to grow beyond ``limit`` characters; nothing typed is lost."""

    limit_hit = Signal()

    def __init__(self, limit: int = MAX_PROPOSAL_LENGTH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setTabChangesFocus(True)

    def _room(self) -> int:
        selected = len(self.textCursor().selectedText())
        return self.limit - (len(self.toPlainText()) - selected)

    def insert_limited(self, text: str) -> None:
        room = self._room()
        if room <= 0:
            self.limit_hit.emit()
            return
        if len(text) > room:
            text = text[:room]
            self.limit_hit.emit()
        self.insertPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        typed = (
            bool(text)
            and text.isprintable()
            and not (
                event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
        )
        if typed and len(text) > self._room():
            self.limit_hit.emit()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if commit and len(commit) > self._room():
            self.insert_limited(commit)
            return
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insert_limited(source.text())

    def new_line(self) -> None:
        self.insert_limited("\n")


class ScribeEdit(LimitedTextEdit):
    """The scribe's field. Enter submits; Shift+Enter adds a line; Up edits the last one."""

    submitted = Signal()
    edit_last_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(MAX_PROPOSAL_LENGTH, parent)
        self.setObjectName("scribeEdit")
        self.setPlaceholderText(
            self.tr("Typ een voorstel en druk op Enter. Shift+Enter voor een nieuwe regel.")
        )

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z in an empty field (no typing to undo) undoes the last saved change.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            is_undo = event.matches(QKeySequence.StandardKey.Undo)
            is_redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() in (Qt.Key.Key_Y, Qt.Key.Key_Z)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
            document = self.document()
            if (is_undo and not document.isUndoAvailable()) or (
                is_redo and not is_undo and not document.isRedoAvailable()
            ):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _ENTER_KEYS:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.new_line()
            elif _is_plain(event):
                self.submitted.emit()
            else:
                super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Up and _is_plain(event) and not self.toPlainText():
            self.edit_last_requested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(320, 96)


class _InlineEditor(LimitedTextEdit):
    """Inline editor in the proposal list: Enter keeps, Shift+Enter new line, Esc cancels."""

    done = Signal(bool)  # True: keep the text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.new_line()
            else:
                self.done.emit(True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit(False)
            return
        super().keyPressEvent(event)


class ProposalDelegate(QStyledItemDelegate):
    """Edits a proposal in place with a multi-line editor; the change goes to the controller.

    Painting is left to the style (C++): with PySide6 6.12 on Python 3.11 every
    Python call of a Qt method that returns nothing costs a reference to None,
    so nothing that runs per painted item is written in Python.
    """

    edited = Signal(str, str)  # proposal id, new text

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = _InlineEditor(MAX_PROPOSAL_LENGTH, parent)
        editor.setObjectName("inlineProposalEditor")
        editor.setTabChangesFocus(True)

        def finish(keep: bool) -> None:
            if keep:
                self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

        editor.done.connect(finish)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # The list shows what is stored: the edit goes through the controller,
        # and the list follows the change signal.
        if not isinstance(editor, QPlainTextEdit):
            return
        text = editor.toPlainText()
        if text.strip() and text != index.data(Qt.ItemDataRole.EditRole):
            self.edited.emit(str(index.data(ID_ROLE)), text)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        rect.setHeight(max(rect.height(), 88))
        editor.setGeometry(rect)


class ProposalList(QListWidget):
    """This cell's proposals; F2 or double-click edits in place, Delete removes."""

    delete_requested = Signal(list)  # proposal ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalList")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and _is_plain(event):
            ids = [str(item.data(ID_ROLE)) for item in self.selectedItems()]
            if ids:
                self.delete_requested.emit(ids)
            return
        if event.key() in _ENTER_KEYS and _is_plain(event) and self.currentItem() is not None:
            self.editItem(self.currentItem())
            return
        super().keyPressEvent(event)

    def item_for(self, proposal_id: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ID_ROLE) == proposal_id:
                return item
        return None


def proposal_item(proposal: Proposal) -> QListWidgetItem:
    item = QListWidgetItem(proposal.text)
    item.setData(ID_ROLE, proposal.id)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
    return item


class ScribePanel(QWidget):
    """Entry field plus the list of one table's proposals in one round."""

    saved = Signal(str)  # the id of a proposal just added or edited

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.round_id: str | None = None
        self.table_id: str | None = None
        self.editing_id: str | None = None
        self._duplicates = NearDuplicateIndex()
        self._texts: dict[str, str] = {}  # this table's texts by id, for the warning

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = ScribeEdit()
        self.edit.setFixedHeight(96)
        layout.addWidget(self.edit)

        status = QHBoxLayout()
        status.setSpacing(8)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("editModeLabel")
        self.mode_label.setWordWrap(True)
        self.mode_label.hide()
        self.warning_label = QLabel()
        self.warning_label.setObjectName("duplicateWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8A5F00;")
        self.warning_label.hide()
        self.counter_label = QLabel()
        self.counter_label.setObjectName("lengthCounter")
        self.counter_label.hide()
        status.addWidget(self.mode_label, 1)
        status.addWidget(self.warning_label, 1)
        status.addStretch(0)
        status.addWidget(self.counter_label)
        layout.addLayout(status)

        self.list_heading = QLabel()
        self.list_heading.setProperty("role", "subheading")
        self.list_heading.setWordWrap(True)
        layout.addWidget(self.list_heading)
        self.proposal_list = ProposalList()
        self.delegate = ProposalDelegate(self.proposal_list)
        self.proposal_list.setItemDelegate(self.delegate)
        layout.addWidget(self.proposal_list, 1)
        self.empty_hint = hint(self.tr("Nog geen voorstellen: typ hierboven en druk op Enter."))
        self.empty_hint.setObjectName("scribeEmptyHint")
        layout.addWidget(self.empty_hint)

        self.edit.submitted.connect(self.submit)
        self.edit.edit_last_requested.connect(self.edit_last)
        self.edit.cancel_requested.connect(self.cancel_edit)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.limit_hit.connect(self._on_limit)
        self.delegate.edited.connect(self.edit_proposal)
        self.proposal_list.delete_requested.connect(self.delete_proposals)
        controller.changed.connect(self._on_change)
        self._update_enabled()

    # ------------------------------------------------------------- the cell
    def set_cell(self, round_id: str | None, table_id: str | None) -> None:
        """Show and type into this table in this round."""
        table_changed = table_id != self.table_id
        if round_id == self.round_id and not table_changed:
            return
        self.round_id, self.table_id = round_id, table_id
        # An edit in progress keeps its text and still belongs to its proposal; new
        # text that is not saved yet stays in the field for the cell now chosen.
        if table_changed:
            self._load_table_texts()
        self.reload_list()
        self._update_enabled()
        self._on_text_changed()

    def _update_enabled(self) -> None:
        ready = self.round_id is not None and self.table_id is not None
        self.edit.setEnabled(ready)
        if not ready:
            self.list_heading.setText(self.tr("Kies een tafel en een ronde"))

    def _load_table_texts(self) -> None:
        self._texts = {}
        if self.table_id is not None:
            for proposal in self.controller.session_file.proposals(table_id=self.table_id):
                self._texts[proposal.id] = proposal.text
        self._duplicates = NearDuplicateIndex.of(self._texts.items())

    def reload_list(self) -> None:
        """Re-read this cell's proposals (a few dozen at most)."""
        self.proposal_list.clear()
        if self.round_id is not None and self.table_id is not None:
            for proposal in self.controller.session_file.proposals(
                round_id=self.round_id, table_id=self.table_id
            ):
                self.proposal_list.addItem(proposal_item(proposal))
        self._after_list_change()

    def _after_list_change(self) -> None:
        count = self.proposal_list.count()
        self.empty_hint.setVisible(count == 0 and self.edit.isEnabled())
        if self.round_id is not None and self.table_id is not None:
            self.list_heading.setText(
                self.tr("Voorstellen van deze tafel in deze ronde: {n}").format(n=count)
            )

    # ------------------------------------------------------------ commands
    def submit(self) -> None:
        """Enter: save the typed text as a new proposal (or the edit) and clear the field."""
        text = self.edit.toPlainText()
        if not text.strip() or self.round_id is None or self.table_id is None:
            return
        if self.editing_id is not None:
            saved_id = self.editing_id
            result = self._store_text(saved_id, text)
        else:
            saved_id = new_id()
            result = self.controller.run(
                ops.add_proposal, self.round_id, self.table_id, text, proposal_id=saved_id
            )
        if result is None:
            return  # refused: the text stays in the field, the message says why
        self.editing_id = None
        self.mode_label.hide()
        self.edit.setPlainText("")
        self.saved.emit(saved_id)

    def edit_last(self) -> None:
        """Up in an empty field: bring this cell's last proposal back to edit it."""
        if self.proposal_list.count() == 0:
            return
        item = self.proposal_list.item(self.proposal_list.count() - 1)
        self.begin_edit(str(item.data(ID_ROLE)))

    def begin_edit(self, proposal_id: str) -> None:
        proposal = self.controller.session_file.get(Kind.PROPOSAL, proposal_id)
        if not isinstance(proposal, Proposal) or proposal.deleted:
            return
        self.editing_id = proposal_id
        self.edit.setPlainText(proposal.text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.mode_label.setText(
            self.tr("Je bewerkt een eerder voorstel. Enter slaat op, Esc annuleert.")
        )
        self.mode_label.show()
        item = self.proposal_list.item_for(proposal_id)
        if item is not None:
            self.proposal_list.setCurrentItem(item)
        self.edit.setFocus()

    def cancel_edit(self) -> None:
        if self.editing_id is None:
            return
        self.editing_id = None
        self.mode_label.hide()
        self.edit.setPlainText("")

    def edit_proposal(self, proposal_id: str, text: str) -> None:
        self._store_text(proposal_id, text)

    def _store_text(self, proposal_id: str, text: str) -> object:
        """One undoable edit of a proposal's text (exactly as typed)."""
        return self.controller.run(ops.edit_proposal, proposal_id, text)

    def delete_proposals(self, ids: list[str]) -> None:
        row = self.proposal_list.currentRow()
        self.controller.run(ops.delete_proposals, ids)
        if self.proposal_list.count():
            self.proposal_list.setCurrentRow(min(max(row, 0), self.proposal_list.count() - 1))

    # ------------------------------------------------------------ feedback
    def _on_text_changed(self) -> None:
        text = self.edit.toPlainText()
        length = len(text)
        if length >= COUNTER_FROM:
            self.counter_label.setText(
                self.tr("{n} / {limit} tekens").format(n=length, limit=MAX_PROPOSAL_LENGTH)
            )
            self.counter_label.setStyleSheet(
                "color: #B34D00; font-weight: 600;" if length >= MAX_PROPOSAL_LENGTH else ""
            )
            self.counter_label.show()
        elif self.counter_label.isVisible():
            self.counter_label.hide()
        match = self._duplicates.match(text, ignore=self.editing_id) if text else None
        if match is None:
            if self.warning_label.isVisible():
                self.warning_label.hide()
            return
        other = self._texts.get(match, "")
        short = other if len(other) <= 80 else other[:77] + "…"
        self.warning_label.setText(
            self.tr("Lijkt op wat deze tafel al noteerde: “{text}”").format(text=short)
        )
        self.warning_label.show()

    def _on_limit(self) -> None:
        self.counter_label.setText(
            self.tr("Maximaal {limit} tekens: wat niet past, is niet toegevoegd").format(
                limit=MAX_PROPOSAL_LENGTH
            )
        )
        self.counter_label.setStyleSheet("color: #B34D00; font-weight: 600;")
        self.counter_label.show()

    # ------------------------------------------------------- staying in step
    def _on_change(self, change: Change) -> None:
        if change.origin is Origin.IMPORT and change.touches(Kind.TABLE, Kind.ROUND):
            self._load_table_texts()
            self.reload_list()
        elif change.touches(Kind.PROPOSAL):
            self._on_proposals_changed(change)

    def _on_proposals_changed(self, change: Change) -> None:
        if self.table_id is None:
            return
        changed = change.of(Kind.PROPOSAL)
        if change.origin is Origin.IMPORT or len(changed) > 50:
            self._load_table_texts()
            self.reload_list()
            return
        added = change.added_of(Kind.PROPOSAL)
        get = self.controller.session_file.get
        reload = False
        for proposal_id in changed:
            proposal = get(Kind.PROPOSAL, proposal_id)
            if not isinstance(proposal, Proposal):
                continue
            if proposal.deleted and proposal.id == self.editing_id:
                # The proposal being edited was deleted (Delete, undo, an import):
                # what is typed stays and becomes a new proposal on Enter.
                self.editing_id = None
                self.mode_label.hide()
            if proposal.table_id == self.table_id:
                if proposal.deleted:
                    self._texts.pop(proposal.id, None)
                    self._duplicates.remove(proposal.id)
                else:
                    self._texts[proposal.id] = proposal.text
                    self._duplicates.put(proposal.id, proposal.text)
            if proposal.round_id != self.round_id or proposal.table_id != self.table_id:
                if self.proposal_list.item_for(proposal.id) is not None:
                    reload = True
                continue
            item = self.proposal_list.item_for(proposal.id)
            if proposal.deleted:
                if item is not None:
                    self.proposal_list.takeItem(self.proposal_list.row(item))
            elif item is None:
                if proposal_id in added:
                    new_item = proposal_item(proposal)
                    self.proposal_list.addItem(new_item)
                    self.proposal_list.scrollToItem(new_item)
                else:
                    reload = True  # restored: back in its place in entry order
            elif item.text() != proposal.text:
                item.setText(proposal.text)
        if reload:
            self.reload_list()
        else:
            self._after_list_change()
