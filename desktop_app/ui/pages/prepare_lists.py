"""The prepare page's lists: target groups, tables, rounds and the context items, each a list
with a form beside it that stores every field when it is left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import ops
from desktop_app.core.model import (
    ContextItem,
    ContextKind,
    Entity,
    Kind,
    Round,
    Table,
    TargetGroup,
)
from desktop_app.core.readiness import has_placeholder
from desktop_app.storage.session_file import new_id
from desktop_app.ui import palette
from desktop_app.ui.controller import SessionController
from desktop_app.ui.form_fields import (
    CommitTextEdit,
    ErrorLabel,
    form_card,
    mark,
    parse_count,
    set_quietly,
    with_error,
)
from desktop_app.ui.look import icon, repolish
from desktop_app.ui.pages.base import hint

ID_ROLE = Qt.ItemDataRole.UserRole
PLACEHOLDER_ROLE = Qt.ItemDataRole.UserRole + 1  # True: still holds a template placeholder


# ---------------------------------------------------------------- helpers
class ListEditor(QWidget):
    """A list of entities on the left, the chosen one's fields on the right."""

    kind: Kind
    reorderable = False
    #: Fields that may still hold a template placeholder (marked in the list).
    filled_in: tuple[str, ...] = ("name",)

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entities: list[Entity] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 8, 0, 0)
        row.setSpacing(16)

        left = QVBoxLayout()
        left.setSpacing(8)
        self.list = QListWidget()
        self.list.setObjectName(f"{self.kind.value}List")
        self.list.setMinimumWidth(220)
        # Long titles ("Risico: Werkdruk en psychosociale arbeidsbelasting") wrap instead
        # of running out of a narrow list at 1024x768.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.installEventFilter(self)
        left.addWidget(self.list, 1)
        self.list_error = ErrorLabel(f"{self.kind.value}ListError")
        left.addWidget(self.list_error)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.add_button = QPushButton(icon("plus"), self.tr("&Toevoegen"))
        self.add_button.setObjectName(f"{self.kind.value}Add")
        self.add_button.setToolTip(self.tr("Toevoegen (Insert in de lijst)"))
        self.remove_button = QPushButton(icon("trash-2"), "")
        self.remove_button.setObjectName(f"{self.kind.value}Remove")
        self.remove_button.setToolTip(self.tr("Verwijderen (Delete in de lijst)"))
        self.remove_button.setAccessibleName(self.tr("Verwijderen"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.up_button = QPushButton(icon("arrow-up"), "")
        self.up_button.setToolTip(self.tr("Omhoog (Alt+↑ in de lijst)"))
        self.up_button.setAccessibleName(self.tr("Omhoog"))
        self.down_button = QPushButton(icon("arrow-down"), "")
        self.down_button.setToolTip(self.tr("Omlaag (Alt+↓ in de lijst)"))
        self.down_button.setAccessibleName(self.tr("Omlaag"))
        if self.reorderable:
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        else:
            self.up_button.hide()
            self.down_button.hide()
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.extra_buttons = buttons
        row.addLayout(left, 2)

        right = QVBoxLayout()
        self.card, self.form = form_card()
        right.addWidget(self.card)
        self.empty_hint = hint("")
        right.addWidget(self.empty_hint)
        right.addStretch(1)
        row.addLayout(right, 3)

        self.build_form()
        self.list.currentRowChanged.connect(lambda _: self.load_form())
        self.add_button.clicked.connect(self.add_new)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))

    # -- to be filled in by each kind
    def build_form(self) -> None:
        raise NotImplementedError

    def fetch(self) -> list[Entity]:
        return self.controller.session_file.entities(self.kind)

    def label(self, entity: Entity) -> str:
        return str(getattr(entity, "name", ""))

    def new_entity(self) -> Entity:
        raise NotImplementedError

    def fill(self, entity: Entity) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for error in self.findChildren(ErrorLabel):
            if error is not self.list_error:
                error.hide()
        for widget in self.card.findChildren(QWidget):
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                repolish(widget)

    def can_remove(self, entity: Entity) -> str | None:
        return None

    # -- shared behaviour
    def current(self) -> Entity | None:
        row = self.list.currentRow()
        return self.entities[row] if 0 <= row < len(self.entities) else None

    def reload(self) -> None:
        keep = self.current()
        self.entities = self.fetch()
        self.list.blockSignals(True)
        self.list.clear()
        for entity in self.entities:
            item = QListWidgetItem(self.label(entity))
            item.setData(ID_ROLE, entity.id)
            if any(has_placeholder(getattr(entity, name, None)) for name in self.filled_in):
                # A template's "…" or "Vul in" must not reach the beamer unnoticed.
                item.setIcon(icon("triangle-alert", palette.WARNING_TEXT))
                item.setToolTip(
                    self.tr("Nog in te vullen: dit staat nog zo in het sjabloon (“…”, “Vul in”).")
                )
                item.setData(PLACEHOLDER_ROLE, True)
            self.list.addItem(item)
        ids = [e.id for e in self.entities]
        if keep is not None and keep.id in ids:
            self.list.setCurrentRow(ids.index(keep.id))
        elif self.entities:
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.load_form()

    def select(self, entity_id: str) -> None:
        for row, entity in enumerate(self.entities):
            if entity.id == entity_id:
                self.list.setCurrentRow(row)

    def load_form(self) -> None:
        entity = self.current()
        self.card.setVisible(entity is not None)
        self.empty_hint.setVisible(entity is None)
        self.remove_button.setEnabled(entity is not None)
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.entities) - 1)
        if entity is not None:
            if getattr(self, "_shown_id", None) != entity.id:
                self.clear_errors()
                self._shown_id = entity.id
            self.fill(entity)

    def commit(self, **fields: Any) -> None:
        """Store fields of the chosen entity (one undoable step; nothing when the same)."""
        entity = self.current()
        if entity is None:
            return
        self.controller.run(ops.edit_entity, self.kind, entity.id, **fields)

    def unique_name_problem(self, name: str, attribute: str = "name") -> str | None:
        if not name.strip():
            return self.tr("Vul een naam in.")
        current = self.current()
        folded = name.strip().casefold()
        for entity in self.entities:
            if (
                entity is not current
                and str(getattr(entity, attribute)).strip().casefold() == folded
            ):
                return self.tr("Deze naam is al in gebruik. Kies een andere naam.")
        return None

    def free_name(self, stem: str) -> str:
        names = {str(getattr(e, "name", "")).casefold() for e in self.entities}
        n = len(self.entities) + 1
        while f"{stem} {n}".casefold() in names:
            n += 1
        return f"{stem} {n}"

    def add_new(self) -> None:
        entity = self.new_entity()
        if self.controller.run(ops.add_entity, self.kind, entity) is not None:
            self.reload()
            self.select(entity.id)
            self.focus_first_field()

    def focus_first_field(self) -> None:
        pass

    def remove_current(self) -> None:
        entity = self.current()
        if entity is None:
            return
        problem = self.can_remove(entity)
        mark(self.list, self.list_error, problem)
        if problem is not None:
            return
        row = self.list.currentRow()
        self.controller.run(ops.delete_entity, self.kind, entity.id)
        self.reload()
        if self.entities:
            self.list.setCurrentRow(min(row, len(self.entities) - 1))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self.entities) and 0 <= target < len(self.entities)):
            return
        ids = [e.id for e in self.entities]
        moved = list(ids)
        moved[row], moved[target] = moved[target], moved[row]
        self.reorder(moved)
        self.reload()
        self.list.setCurrentRow(target)

    def reorder(self, after: list[str]) -> None:
        """The list in a new order, one undoable step (rounds swap their numbers)."""
        self.controller.run(ops.reorder, self.kind, after)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Insert:
                self.add_new()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_current()
                return True
            if (
                self.reorderable
                and mods & Qt.KeyboardModifier.AltModifier
                and key
                in (
                    Qt.Key.Key_Up,
                    Qt.Key.Key_Down,
                )
            ):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)


class TargetGroupEditor(ListEditor):
    kind = Kind.TARGET_GROUP
    reorderable = True

    def build_form(self) -> None:
        self.name_field = QLineEdit()
        self.name_field.setObjectName("targetGroupName")
        self.name_error = ErrorLabel("targetGroupNameError")
        self.count_field = QLineEdit()
        self.count_field.setObjectName("targetGroupParticipants")
        self.count_field.setPlaceholderText(self.tr("bijvoorbeeld 24"))
        self.count_error = ErrorLabel("targetGroupParticipantsError")
        self.form.addRow(self.tr("&Naam"), with_error(self.name_field, self.name_error))
        self.form.addRow(self.tr("&Deelnemers"), with_error(self.count_field, self.count_error))
        self.empty_hint.setText(
            self.tr(
                "Nog geen doelgroepen. Voeg ze toe, bijvoorbeeld Monteurs, Kantoor, "
                "Ploegendienst en Leidinggevenden, met het aantal deelnemers."
            )
        )
        self.name_field.editingFinished.connect(self._commit_name)
        self.count_field.editingFinished.connect(self._commit_count)

    def label(self, entity: Entity) -> str:
        assert isinstance(entity, TargetGroup)
        if entity.participants is None:
            return entity.name
        return self.tr("{name} (%n deelnemer(s))", "", entity.participants).format(name=entity.name)

    def new_entity(self) -> Entity:
        return TargetGroup(id=new_id(), name=self.free_name(self.tr("Doelgroep")), participants=0)

    def fill(self, entity: Entity) -> None:
        assert isinstance(entity, TargetGroup)
        set_quietly(self.name_field, entity.name)
        set_quietly(
            self.count_field, "" if entity.participants is None else str(entity.participants)
        )

    def focus_first_field(self) -> None:
        self.name_field.setFocus()
        self.name_field.selectAll()

    def _commit_name(self) -> None:
        name = self.name_field.text()
        if mark(self.name_field, self.name_error, self.unique_name_problem(name)):
            self.commit(name=name.strip())

    def _commit_count(self) -> None:
        value, problem = parse_count(self.count_field.text(), 0, 100_000, self.tr)
        if mark(self.count_field, self.count_error, problem):
            self.commit(participants=value)


class TableEditor(ListEditor):
    kind = Kind.TABLE
    reorderable = True

    def build_form(self) -> None:
        self.twelve_button = QPushButton(icon("square-stack"), self.tr("&12 tafels ineens"))
        self.twelve_button.setObjectName("addTwelveTables")
        self.twelve_button.setToolTip(
            self.tr("Voegt Tafel 1 tot en met 12 toe (of de volgende twaalf)")
        )
        self.extra_buttons.insertWidget(2, self.twelve_button)
        self.twelve_button.clicked.connect(lambda: self.add_many(12))
        self.name_field = QLineEdit()
        self.name_field.setObjectName("tableName")
        self.name_error = ErrorLabel("tableNameError")
        self.host_field = QLineEdit()
        self.host_field.setObjectName("tableHost")
        self.host_field.setPlaceholderText(self.tr("wie de tafel host of notuleert"))
        self.group_field = QComboBox()
        self.group_field.setObjectName("tableTargetGroup")
        self.form.addRow(self.tr("&Naam"), with_error(self.name_field, self.name_error))
        self.form.addRow(
            self.tr("&Gastheer/-vrouw"), with_error(self.host_field, ErrorLabel("tableHostError"))
        )
        self.form.addRow(self.tr("&Doelgroep"), self.group_field)
        self.empty_hint.setText(
            self.tr("Nog geen tafels. Voeg er één toe, of twaalf ineens met de knop links.")
        )
        self.name_field.editingFinished.connect(self._commit_name)
        self.host_field.editingFinished.connect(
            lambda: self.commit(host=self.host_field.text().strip() or None)
        )
        self.group_field.activated.connect(
            lambda _: self.commit(
                target_group_id=self.group_field.currentData(),
            )
        )

    def label(self, entity: Entity) -> str:
        assert isinstance(entity, Table)
        return entity.name + (f" · {entity.host}" if entity.host else "")

    def new_entity(self) -> Entity:
        return Table(id=new_id(), name=self.free_name(self.tr("Tafel")))

    def reload(self) -> None:
        self.group_field.blockSignals(True)
        self.group_field.clear()
        self.group_field.addItem(self.tr("(geen doelgroep)"), None)
        for group in self.controller.session_file.target_groups():
            self.group_field.addItem(group.name, group.id)
        self.group_field.blockSignals(False)
        super().reload()

    def fill(self, entity: Entity) -> None:
        assert isinstance(entity, Table)
        set_quietly(self.name_field, entity.name)
        set_quietly(self.host_field, entity.host)
        set_quietly(self.group_field, entity.target_group_id)

    def focus_first_field(self) -> None:
        self.name_field.setFocus()
        self.name_field.selectAll()

    def _commit_name(self) -> None:
        name = self.name_field.text()
        if mark(self.name_field, self.name_error, self.unique_name_problem(name)):
            self.commit(name=name.strip())

    def can_remove(self, entity: Entity) -> str | None:
        if self.controller.session_file.proposals(table_id=entity.id):
            return self.tr("Deze tafel heeft al voorstellen; verwijder die eerst bij 2 Rondes.")
        return None

    def add_many(self, count: int) -> None:
        names = {str(getattr(e, "name", "")).casefold() for e in self.entities}
        stem = self.tr("Tafel")
        new: list[Table] = []
        n = 1
        while len(new) < count:
            name = f"{stem} {n}"
            if name.casefold() not in names:
                new.append(Table(id=new_id(), name=name))
            n += 1
        self.controller.run(ops.add_tables, new)
        self.reload()


class RoundEditor(ListEditor):
    kind = Kind.ROUND
    reorderable = True
    filled_in = ("question",)

    def build_form(self) -> None:
        self.question_field = CommitTextEdit()
        self.question_field.setObjectName("roundQuestion")
        self.question_field.setPlaceholderText(
            self.tr("De vraag van deze ronde, zoals de beamer hem toont")
        )
        self.minutes_field = QLineEdit()
        self.minutes_field.setObjectName("roundMinutes")
        self.minutes_error = ErrorLabel("roundMinutesError")
        self.form.addRow(
            self.tr("&Vraag"), with_error(self.question_field, ErrorLabel("roundQuestionError"))
        )
        self.form.addRow(self.tr("&Minuten"), with_error(self.minutes_field, self.minutes_error))
        self.empty_hint.setText(
            self.tr("Nog geen rondes. Voeg een ronde toe en typ de vraag voor de tafels.")
        )
        self.question_field.committed.connect(
            lambda: self.commit(question=self.question_field.toPlainText())
        )
        self.minutes_field.editingFinished.connect(self._commit_minutes)

    def label(self, entity: Entity) -> str:
        assert isinstance(entity, Round)
        question = entity.question.replace("\n", " ") or self.tr("(nog geen vraag)")
        short = question if len(question) <= 60 else question[:57] + "…"
        return self.tr("Ronde {n}: {q}").format(n=entity.number, q=short)

    def new_entity(self) -> Entity:
        number = max((e.number for e in self.entities if isinstance(e, Round)), default=0) + 1
        return Round(id=new_id(), number=number, question="", minutes=20)

    def fill(self, entity: Entity) -> None:
        assert isinstance(entity, Round)
        set_quietly(self.question_field, entity.question)
        set_quietly(self.minutes_field, "" if entity.minutes is None else str(entity.minutes))

    def focus_first_field(self) -> None:
        self.question_field.setFocus()

    def _commit_minutes(self) -> None:
        value, problem = parse_count(self.minutes_field.text(), 1, 600, self.tr)
        if mark(self.minutes_field, self.minutes_error, problem):
            self.commit(minutes=value)

    def can_remove(self, entity: Entity) -> str | None:
        if self.controller.session_file.proposals(round_id=entity.id):
            return self.tr("Deze ronde heeft al voorstellen; verwijder die eerst bij 2 Rondes.")
        return None


class ContextEditor(ListEditor):
    kind = Kind.CONTEXT_ITEM
    reorderable = True
    filled_in = ("title", "text")

    def build_form(self) -> None:
        self.kind_field = QComboBox()
        self.kind_field.setObjectName("contextKind")
        self.kind_field.addItem(self.tr("Risico uit de RI&E"), ContextKind.RISK.value)
        self.kind_field.addItem(self.tr("Cijfer"), ContextKind.FIGURE.value)
        self.kind_field.addItem(self.tr("Notitie"), ContextKind.NOTE.value)
        self.title_field = QLineEdit()
        self.title_field.setObjectName("contextTitle")
        self.title_error = ErrorLabel("contextTitleError")
        self.text_field = CommitTextEdit()
        self.text_field.setObjectName("contextText")
        self.form.addRow(self.tr("&Soort"), self.kind_field)
        self.form.addRow(self.tr("T&itel"), with_error(self.title_field, self.title_error))
        self.form.addRow(
            self.tr("T&oelichting"), with_error(self.text_field, ErrorLabel("contextTextError"))
        )
        self.empty_hint.setText(
            self.tr(
                "Nog geen context. Voeg de risico's uit de RI&E en de cijfers van vorig jaar "
                "toe; ze komen bij de opening op de beamer."
            )
        )
        self.kind_field.activated.connect(lambda _: self.commit(kind=self.kind_field.currentData()))
        self.title_field.editingFinished.connect(self._commit_title)
        self.text_field.committed.connect(
            lambda: self.commit(text=self.text_field.toPlainText() or None)
        )

    def label(self, entity: Entity) -> str:
        assert isinstance(entity, ContextItem)
        kinds: dict[str, str] = {
            ContextKind.RISK: self.tr("Risico"),
            ContextKind.FIGURE: self.tr("Cijfer"),
            ContextKind.NOTE: self.tr("Notitie"),
        }
        return f"{kinds.get(entity.kind, entity.kind)}: {entity.title}"

    def new_entity(self) -> Entity:
        return ContextItem(id=new_id(), kind=ContextKind.RISK.value, title=self.tr("Nieuw risico"))

    def fill(self, entity: Entity) -> None:
        assert isinstance(entity, ContextItem)
        set_quietly(self.kind_field, entity.kind)
        set_quietly(self.title_field, entity.title)
        set_quietly(self.text_field, entity.text)

    def focus_first_field(self) -> None:
        self.title_field.setFocus()
        self.title_field.selectAll()

    def _commit_title(self) -> None:
        title = self.title_field.text()
        problem = None if title.strip() else self.tr("Vul een titel in.")
        if mark(self.title_field, self.title_error, problem):
            self.commit(title=title.strip())


# ------------------------------------------------------------ session form
