<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>T&amp;op</source>
        <translation>To&amp;p</translation>
    </message>
    <message>
        <source>Hoeveel thema&apos;s in één keer omzetten</source>
        <translation>How many themes to convert in one go</translation>
    </message>
    <message>
        <source>Neem actieplan over van vori&amp;ge sessie…</source>
        <translation>&amp;Carry over previous plan…</translation>
    </message>
    <message>
        <source>Neem de interventies van een eerdere sessie over (sessiebestand of uitwisselbestand), om hun status bij te werken</source>
        <translation>Carry over the interventions from an earlier session (session file or exchange file) to update their status</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Interventie</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Eén plaats hoger (Alt+Pijl omhoog)</source>
        <translation>One place up (Alt+Up arrow)</translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Eén plaats lager (Alt+Pijl omlaag)</source>
        <translation>One place down (Alt+Down arrow)</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Interventie verwijderen (Delete); ongedaan maken met Ctrl+Z</source>
        <translation>Delete intervention (Delete); undo with Ctrl+Z</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Stippen</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>In actieplan</source>
        <translation>In action plan</translation>
    </message>
    <message>
        <source>Omzetten in &amp;interventie</source>
        <translation>&amp;Make it an intervention</translation>
    </message>
    <message>
        <source>Het gekozen thema wordt een interventie (of dubbelklik, of Enter)</source>
        <translation>The selected theme becomes an intervention (or double-click, or Enter)</translation>
    </message>
    <message>
        <source>Stemuitslag</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Impact en inspanning</source>
        <translation>Impact and effort</translation>
    </message>
    <message>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Afgesproken</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Loopt</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vervallen</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Eenmalig</source>
        <translation>One-off</translation>
    </message>
    <message>
        <source>Doorlopend</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>Maandelijks</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Per kwartaal</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Jaarlijks</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>&amp;Zet top {n} om in interventies</source>
        <translation>Co&amp;nvert top {n} to interventions</translation>
    </message>
    <message>
        <source>De {n} hoogst geplaatste thema&apos;s die nog niet in het actieplan staan, worden interventies (één stap, ongedaan te maken)</source>
        <translation>The {n} highest-ranked themes not yet in the action plan become interventions (one step, can be undone)</translation>
    </message>
    <message>
        <source>Nog geen interventies: zet de top {n} thema&apos;s om in interventies, of kies een thema onder Stemuitslag.</source>
        <translation>No interventions yet: convert the top {n} themes to interventions, or choose a theme under Results.</translation>
    </message>
    <message>
        <source>Interventies ({n})</source>
        <translation>Interventions ({n})</translation>
    </message>
</context>
<context>
    <name>ActionPlanView</name>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Voor: {groups}</source>
        <translation>For: {groups}</translation>
    </message>
    <message>
        <source>Eigenaar: {owner}</source>
        <translation>Owner: {owner}</translation>
    </message>
    <message>
        <source>Start: {date}</source>
        <translation>Start: {date}</translation>
    </message>
    <message>
        <source>Het actieplan groeit hier: welke interventies, voor wie, wie trekt ze.</source>
        <translation>The action plan grows here: which interventions, for whom, and who leads them.</translation>
    </message>
</context>
<context>
    <name>Beamer</name>
    <message>
        <source>Welkom</source>
        <extracomment>Every view, in the order &quot;next&quot; and &quot;previous&quot; walk through them.</extracomment>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Meedoen met je telefoon</source>
        <translation>Join with your phone</translation>
    </message>
    <message>
        <source>Context (RI&amp;E)</source>
        <translation>Context (RI&amp;E)</translation>
    </message>
    <message>
        <source>Vorige keer</source>
        <translation>Last time</translation>
    </message>
    <message>
        <source>Ronde en aftellen</source>
        <translation>Round and countdown</translation>
    </message>
    <message>
        <source>Wand per tafel</source>
        <translation>Wall by table</translation>
    </message>
    <message>
        <source>Wand per thema</source>
        <translation>Wall by theme</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Stemmen</source>
        <translation>Voting</translation>
    </message>
    <message>
        <source>Uitslag</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Actieplan</source>
        <translation>Action plan</translation>
    </message>
</context>
<context>
    <name>BeamerDock</name>
    <message>
        <source>Beamer</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Move back</translation>
    </message>
    <message>
        <source>Niet nu</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Tonen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Beamer tonen of verbergen (F5)</source>
        <translation>Show or hide the projector (F5)</translation>
    </message>
    <message>
        <source>Volledig scherm</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Volledig scherm aan of uit (Esc op de beamer)</source>
        <translation>Full screen on or off (Esc on the projector)</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Vorige weergave</source>
        <translation>Previous view</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Volgende weergave</source>
        <translation>Next view</translation>
    </message>
    <message>
        <source>Vastzetten</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Deze weergave vasthouden, ook als de fase verandert</source>
        <translation>Keep this view, even when the phase changes</translation>
    </message>
    <message>
        <source>Zwart</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Beamer op zwart (Ctrl+B; B op de beamer)</source>
        <translation>Black out the projector (Ctrl+B; B on the projector)</translation>
    </message>
    <message>
        <source>Uitslag onthullen</source>
        <translation>Reveal result</translation>
    </message>
    <message>
        <source>De uitslag van de stemming tonen</source>
        <translation>Show the result of the vote</translation>
    </message>
    <message>
        <source>Licht</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Donker</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Verbergen op de beamer: vink een voorstel aan om het niet te tonen. Het blijft bewaard.</source>
        <translation>Hide on the projector: tick a proposal so it is not shown. It is still kept.</translation>
    </message>
    <message>
        <source>Scherm {name} is aangesloten. De beamer daarheen sturen?</source>
        <translation>Screen {name} is connected. Move the projector view there?</translation>
    </message>
    <message>
        <source>Scherm {name} is weg: de beamer staat nu als venster op dit scherm.</source>
        <translation>Screen {name} is gone: the projector view is now a window on this screen.</translation>
    </message>
    <message>
        <source>Verbergen</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Open een sessie om de beamer te gebruiken.</source>
        <translation>Open a session to use the projector.</translation>
    </message>
    <message>
        <source>Uitslag verbergen</source>
        <translation>Hide result</translation>
    </message>
    <message>
        <source>volledig scherm op {name}</source>
        <translation>full screen on {name}</translation>
    </message>
    <message>
        <source>als venster</source>
        <translation>as a window</translation>
    </message>
    <message>
        <source>verborgen</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>Op de beamer: {view}{pin} ({where})</source>
        <translation>On the projector: {view}{pin} ({where})</translation>
    </message>
    <message>
        <source>, vastgezet</source>
        <translation>, pinned</translation>
    </message>
    <message>
        <source>Beamer staat op zwart. </source>
        <translation>Projector is blacked out. </translation>
    </message>
</context>
<context>
    <name>BeamerStrip</name>
    <message>
        <source>Beamer:</source>
        <translation>Beamer:</translation>
    </message>
    <message>
        <source>Paneel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Het beamerpaneel met voorbeeld en alle knoppen</source>
        <translation>The beamer panel with the preview and all buttons</translation>
    </message>
    <message>
        <source>Verbergen</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Tonen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Beamer tonen of verbergen (F5)</source>
        <translation>Show or hide the beamer (F5)</translation>
    </message>
    <message>
        <source>Zwart</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Beamer op zwart (Ctrl+B)</source>
        <translation>Beamer to black (Ctrl+B)</translation>
    </message>
    <message>
        <source>Uitslag verbergen</source>
        <translation>Hide result</translation>
    </message>
    <message>
        <source>Onthullen</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>De uitslag van de stemming tonen of verbergen</source>
        <translation>Show or hide the result of the vote</translation>
    </message>
</context>
<context>
    <name>BeamerView</name>
    <message>
        <source>pagina {page} van {count}</source>
        <translation>page {page} of {count}</translation>
    </message>
</context>
<context>
    <name>BeamerWindow</name>
    <message>
        <source>Tafelronde — beamer</source>
        <translation>Tafelronde — projector</translation>
    </message>
</context>
<context>
    <name>CardPlacement</name>
    <message>
        <source>Kies eerst een of meer kaarten (klik; Shift of Ctrl voor meer), druk dan op T.</source>
        <translation>First select one or more cards (click; Shift or Ctrl for more), then press T.</translation>
    </message>
    <message>
        <source>→ {name}</source>
        <translation>→ {name}</translation>
    </message>
</context>
<context>
    <name>ConsoleMenus</name>
    <message>
        <source>&amp;Nieuwe sessie…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <source>&amp;Kopie opslaan als…</source>
        <translation>Save &amp;copy as…</translation>
    </message>
    <message>
        <source>&amp;Herstellen uit reservekopie…</source>
        <translation>Restore from &amp;backup…</translation>
    </message>
    <message>
        <source>Deze laptop is &amp;tafel…</source>
        <translation>This laptop is a &amp;table…</translation>
    </message>
    <message>
        <source>&amp;Demo openen</source>
        <translation>Open &amp;demo</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Openen…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Exporteren als &amp;uitwisselbestand…</source>
        <translation>Export as e&amp;xchange file…</translation>
    </message>
    <message>
        <source>Exporteren naar &amp;Excel…</source>
        <translation>Export to &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Oogstverslag (PDF)…</source>
        <translation>&amp;Harvest report (PDF)…</translation>
    </message>
    <message>
        <source>Sessie &amp;sluiten</source>
        <translation>C&amp;lose session</translation>
    </message>
    <message>
        <source>&amp;Wissen na afloop…</source>
        <translation>&amp;Erase after the session…</translation>
    </message>
    <message>
        <source>&amp;Zaal online…</source>
        <translation>&amp;Room online…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Klaar voor de zaal?…</source>
        <translation>&amp;Ready for the room?…</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Fase {n}</source>
        <translation>Phase {n}</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Recent geopend</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Sessie</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken: {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <source>&amp;Opnieuw: {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <source>(nog niets)</source>
        <translation>(nothing yet)</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Alles is opgeslagen</source>
        <extracomment>Below this width of the console (beside an open beamer panel) the phase list shows its icons and numbers only, so a 1024x768 screen leaves room for the page.</extracomment>
        <translation>All changes saved</translation>
    </message>
    <message>
        <source>{name} wordt geopend…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Opgeslagen {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Naamloze sessie</source>
        <translation>Untitled session</translation>
    </message>
    <message>
        <source>Beamer tonen of verbergen</source>
        <translation>Show or hide the projector</translation>
    </message>
    <message>
        <source>Beamer op zwart</source>
        <translation>Black out the projector</translation>
    </message>
</context>
<context>
    <name>ContextEditor</name>
    <message>
        <source>Risico uit de RI&amp;E</source>
        <translation>Risk from the RI&amp;E</translation>
    </message>
    <message>
        <source>Cijfer</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Soort</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>T&amp;itel</source>
        <translation>T&amp;itle</translation>
    </message>
    <message>
        <source>T&amp;oelichting</source>
        <translation>E&amp;xplanation</translation>
    </message>
    <message>
        <source>Nog geen context. Voeg de risico&apos;s uit de RI&amp;E en de cijfers van vorig jaar toe; ze komen bij de opening op de beamer.</source>
        <translation>No context yet. Add the risks from the RI&amp;E and last year&apos;s figures; they are shown on the projector at the opening.</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Nieuw risico</source>
        <translation>New risk</translation>
    </message>
    <message>
        <source>Vul een titel in.</source>
        <translation>Enter a title.</translation>
    </message>
</context>
<context>
    <name>ContextView</name>
    <message>
        <source>Waar staan we?</source>
        <translation>Where do we stand?</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Cijfer</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hier komen de cijfers en risico&apos;s uit de RI&amp;E.</source>
        <translation>The figures and risks from the RI&amp;E appear here.</translation>
    </message>
</context>
<context>
    <name>DamagedFileMessage</name>
    <message>
        <source>Beschadigd sessiebestand</source>
        <translation>Damaged session file</translation>
    </message>
    <message>
        <source>Er is geen reservekopie van deze sessie. Heb je een eerdere kopie of een uitwisselbestand (JSON) van een tafellaptop, open dat dan.</source>
        <translation>There is no backup of this session. If you have an earlier copy, or an exchange file (JSON) from a table laptop, open that.</translation>
    </message>
    <message>
        <source>De nieuwste goede reservekopie is van {when}: {proposals} voorstellen, {themes} thema&apos;s, {dots} stippen. Wat daarna is gedaan, staat er niet in. Het beschadigde bestand blijft bewaard onder een andere naam.</source>
        <translation>The newest good backup is from {when}: {proposals} proposals, {themes} themes, {dots} dots. What was done after that is not in it. The damaged file is kept under another name.</translation>
    </message>
    <message>
        <source>&amp;Reservekopie terugzetten</source>
        <translation>&amp;Restore the backup</translation>
    </message>
    <message>
        <source>&amp;Niet nu</source>
        <translation>&amp;Not now</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Geen datum</source>
        <translation>No date</translation>
    </message>
</context>
<context>
    <name>DuplicateItem</name>
    <message>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Beide teksten blijven; de eerste kaart toont hoeveel tafels het zeiden.</source>
        <translation>Both texts are kept; the first card shows how many tables said it.</translation>
    </message>
    <message>
        <source>Negeren</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Beide komen in het thema “{name}”.</source>
        <translation>Both go into the theme “{name}”.</translation>
    </message>
    <message>
        <source>Nog geen van beide in een thema: je kiest er een bij het samenvoegen.</source>
        <translation>Neither is in a theme yet: you choose one when merging.</translation>
    </message>
</context>
<context>
    <name>EraseSessionDialog</name>
    <message>
        <source>Sessie wissen</source>
        <translation>Erase session</translation>
    </message>
    <message>
        <source>Sessie “{title}” van deze laptop wissen?</source>
        <translation>Erase the session “{title}” from this laptop?</translation>
    </message>
    <message>
        <source>Alles &amp;wissen</source>
        <translation>&amp;Erase everything</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dit wordt van deze laptop verwijderd:</source>
        <translation>This is removed from this laptop:</translation>
    </message>
    <message>
        <source>• het sessiebestand {name} in {folder}</source>
        <translation>• the session file {name} in {folder}</translation>
    </message>
    <message>
        <source>• de hulpbestanden van de database en het slot: {names}</source>
        <translation>• the database’s and the lock’s helper files: {names}</translation>
    </message>
    <message>
        <source>• de map met reservekopieën {name} (bestanden: {n})</source>
        <translation>• the backups folder {name} (files: {n})</translation>
    </message>
    <message>
        <source>• kopieën van vóór een update of herstel: {names}</source>
        <translation>• copies from before an update or a repair: {names}</translation>
    </message>
    <message>
        <source>• de andere demokopieën in {folder} (aantal: {n})</source>
        <translation>• the other demo copies in {folder} (number: {n})</translation>
    </message>
    <message>
        <source>• de regels in het logboek die deze sessie noemen (aantal: {n}, in {logs}); de rest van het logboek blijft</source>
        <translation>• the lines of the log that name this session (number: {n}, in {logs}); the rest of the log stays</translation>
    </message>
    <message>
        <source>• regels in het logboek over deze sessie: er zijn er geen</source>
        <translation>• lines of the log about this session: there are none</translation>
    </message>
    <message>
        <source>• de vermelding onder Bestand &gt; Recent geopend</source>
        <translation>• its entry under File &gt; Open recent</translation>
    </message>
    <message>
        <source>Blijft staan: exports die je zelf hebt opgeslagen (Excel, PDF, JSON) en bestanden op USB-sticks of tafellaptops. Wissen kan niet ongedaan worden gemaakt.</source>
        <translation>Not removed: exports you saved yourself (Excel, PDF, JSON) and files on USB sticks or table laptops. Erasing cannot be undone.</translation>
    </message>
    <message>
        <source>Sessie gewist: verwijderde bestanden {files}, regels uit het logboek {lines}.</source>
        <translation>Session erased: files removed {files}, lines removed from the log {lines}.</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <source>Wat deden we met de uitkomsten van vorige keer?</source>
        <translation>What did we do with last time&apos;s outcomes?</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Loopt</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Eigenaar: {owner}</source>
        <translation>Owner: {owner}</translation>
    </message>
    <message>
        <source>Nog niets afgerond of lopend uit de vorige keer.</source>
        <translation>Nothing from last time is finished or in progress yet.</translation>
    </message>
</context>
<context>
    <name>HarvestPage</name>
    <message>
        <source>Oogst</source>
        <translation>Harvest</translation>
    </message>
    <message>
        <source>Geef de uitkomsten door: de werkmap aan HR, het verslag aan de deelnemers en het management, het uitwisselbestand aan een andere laptop.</source>
        <translation>Pass on the outcomes: the workbook to HR, the report to participants and management, the exchange file to another laptop.</translation>
    </message>
    <message>
        <source>Nog geen voorstellen in deze sessie: de exports zijn dan nog leeg. Vul eerst de rondes in (fase 2).</source>
        <translation>No proposals in this session yet, so the exports would be empty. Fill in the rounds first (phase 2).</translation>
    </message>
    <message>
        <source>Werkmap voor HR (Excel)</source>
        <translation>Workbook for HR (Excel)</translation>
    </message>
    <message>
        <source>Alle voorstellen, thema&apos;s, de stemuitslag per doelgroep en het actieplan, klaar om te filteren en op te volgen.</source>
        <translation>All proposals, themes, the vote result per target group and the action plan, ready to filter and follow up.</translation>
    </message>
    <message>
        <source>&amp;Excel opslaan…</source>
        <translation>Save E&amp;xcel…</translation>
    </message>
    <message>
        <source>Oogstverslag (PDF)</source>
        <translation>Harvest report (PDF)</translation>
    </message>
    <message>
        <source>Voor deelnemers en management: doel en vragen, de thema&apos;s met hun voorstellen, de uitslag, het actieplan en wat er nu gebeurt.</source>
        <translation>For participants and management: goal and questions, the themes with their proposals, the result, the action plan and what happens next.</translation>
    </message>
    <message>
        <source>&amp;PDF opslaan…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>Uitwisselbestand (JSON)</source>
        <translation>Exchange file (JSON)</translation>
    </message>
    <message>
        <source>De hele sessie om samen te voegen op een andere laptop, of te bewaren voor de volgende keer.</source>
        <translation>The whole session, to merge on another laptop or keep for next time.</translation>
    </message>
    <message>
        <source>&amp;JSON opslaan…</source>
        <translation>Save &amp;JSON…</translation>
    </message>
    <message>
        <source>Map openen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>In deze sessie: {counts}.</source>
        <translation>In this session: {counts}.</translation>
    </message>
    <message numerus="yes">
        <source>%n voorstel(len)</source>
        <translation>
            <numerusform>%n proposal</numerusform>
            <numerusform>%n proposals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thema(&apos;s)</source>
        <translation>
            <numerusform>%n theme</numerusform>
            <numerusform>%n themes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stip(pen)</source>
        <translation>
            <numerusform>%n dot</numerusform>
            <numerusform>%n dots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interventie(s)</source>
        <translation>
            <numerusform>%n intervention</numerusform>
            <numerusform>%n interventions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daarvan is/zijn overgenomen van een vorige sessie.</source>
        <translation>
            <numerusform>%n of them was carried over from a previous session.</numerusform>
            <numerusform>%n of them were carried over from a previous session.</numerusform>
        </translation>
    </message>
    <message>
        <source>werkmap HR</source>
        <translation>HR workbook</translation>
    </message>
    <message>
        <source>oogstverslag</source>
        <translation>harvest report</translation>
    </message>
    <message>
        <source>uitwisselbestand</source>
        <translation>exchange file</translation>
    </message>
    <message>
        <source>sessie</source>
        <translation>session</translation>
    </message>
    <message>
        <source>Excel-werkmap opslaan</source>
        <translation>Save Excel workbook</translation>
    </message>
    <message>
        <source>Excel-werkmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Oogstverslag opslaan</source>
        <translation>Save harvest report</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Uitwisselbestand opslaan</source>
        <translation>Save exchange file</translation>
    </message>
    <message>
        <source>Uitwisselbestanden (*.json)</source>
        <translation>Exchange files (*.json)</translation>
    </message>
    <message>
        <source>Niet opgeslagen. {reason}</source>
        <translation>Not saved. {reason}</translation>
    </message>
    <message>
        <source>Deze export is in deze versie nog niet beschikbaar.</source>
        <translation>This export is not available in this version yet.</translation>
    </message>
    <message>
        <source>Opgeslagen zonder namen als {name}
in {folder}</source>
        <translation>Saved without names as {name}
in {folder}</translation>
    </message>
    <message>
        <source>Opgeslagen als {name}
in {folder}</source>
        <translation>Saved as {name}
in {folder}</translation>
    </message>
    <message>
        <source>Zonder &amp;namen, om te delen buiten HR</source>
        <translation>Without &amp;names, to share beyond HR</translation>
    </message>
    <message>
        <source>Laat tafelhosts en eigenaren van interventies weg uit de werkmap, het verslag en het uitwisselbestand. Dat uitwisselbestand bevat dan ook geen stembiljetten of doelgroep van groepen onder de privacydrempel. Wat in de zaal is getypt (voorstellen, toelichtingen) blijft zoals het is: kijk die zelf na.</source>
        <translation>Leaves table hosts and owners of interventions out of the workbook, the report and the exchange file. That exchange file then also holds no ballots or target group of groups below the privacy floor. What was typed in the room (proposals, details) stays as it is: check it yourself.</translation>
    </message>
    <message>
        <source>{what} zonder namen</source>
        <translation>{what} without names</translation>
    </message>
</context>
<context>
    <name>ImportExportActions</name>
    <message>
        <source>Uitwisselbestanden importeren</source>
        <translation>Import exchange files</translation>
    </message>
    <message>
        <source>Uitwisselbestanden (*.json)</source>
        <translation>Exchange files (*.json)</translation>
    </message>
    <message>
        <source>{file}: geweigerd. {reason}</source>
        <translation>{file}: refused. {reason}</translation>
    </message>
    <message>
        <source>{file}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd</source>
        <translation>{file}: {added} added, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Import: {ok} samengevoegd, {refused} geweigerd</source>
        <translation>Import: {ok} merged, {refused} refused</translation>
    </message>
    <message>
        <source>sessie</source>
        <translation>session</translation>
    </message>
    <message>
        <source>Geëxporteerd: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>Uitwisselbestand opslaan</source>
        <translation>Save exchange file</translation>
    </message>
    <message>
        <source>Excel-werkmap opslaan</source>
        <translation>Save Excel workbook</translation>
    </message>
    <message>
        <source>Excel-werkmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Oogstverslag opslaan</source>
        <translation>Save harvest report</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message numerus="yes">
        <source>%n bestand(en) samengevoegd, {m} geweigerd.</source>
        <translation>
            <numerusform>%n file merged, {m} refused.</numerusform>
            <numerusform>%n files merged, {m} refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Toegevoegd</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Ongewijzigd</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Geweigerd: waarom</source>
        <translation>Refused: why</translation>
    </message>
</context>
<context>
    <name>InterventionForm</name>
    <message>
        <source>Kies links een interventie om haar te bewerken.</source>
        <translation>Choose an intervention on the left to edit it.</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Omschri&amp;jving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Doelgroepen</source>
        <translation>Target &amp;groups</translation>
    </message>
    <message>
        <source>&amp;Periodiciteit</source>
        <translation>Fre&amp;quency</translation>
    </message>
    <message>
        <source>Lo&amp;catie</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <source>Wie trekt het?</source>
        <translation>Who takes the lead?</translation>
    </message>
    <message>
        <source>&amp;Eigenaar</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Op&amp;volgdatum</source>
        <translation>Follow-&amp;up date</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>I&amp;nspanning</source>
        <translation>Effo&amp;rt</translation>
    </message>
    <message>
        <source>Imp&amp;act</source>
        <translation>&amp;Impact</translation>
    </message>
    <message>
        <source>Wat levert het de
&amp;medewerker op?</source>
        <translation>What&apos;s in it for
emplo&amp;yees?</translation>
    </message>
    <message>
        <source>Wat levert het de
o&amp;rganisatie op?</source>
        <translation>&amp;What&apos;s in it for the
organisation?</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>1 = klein, 5 = groot; — = nog geen score</source>
        <translation>1 = small, 5 = large; — = no score yet</translation>
    </message>
    <message>
        <source>Nog geen doelgroepen (fase 1)</source>
        <translation>No target groups yet (phase 1)</translation>
    </message>
    <message>
        <source>→ {quadrant}</source>
        <translation>→ {quadrant}</translation>
    </message>
    <message>
        <source>geef beide een score voor de matrix</source>
        <translation>score both for the matrix</translation>
    </message>
    <message>
        <source>Overgenomen uit een eerdere sessie; het thema hoort bij die sessie.</source>
        <translation>Carried over from an earlier session; the theme belongs to that session.</translation>
    </message>
    <message>
        <source>Geen bronthema: deze interventie is zelf toegevoegd.</source>
        <translation>No source theme: this intervention was added by hand.</translation>
    </message>
    <message>
        <source>Voorstel</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>plaats {rank}, {total} stippen</source>
        <translation>rank {rank}, {total} dots</translation>
    </message>
    <message>
        <source>{total} stippen</source>
        <translation>{total} dots</translation>
    </message>
    <message>
        <source>{kind}: {name} ({place})</source>
        <translation>{kind}: {name} ({place})</translation>
    </message>
    <message>
        <source>{table}, ronde {round}</source>
        <translation>{table}, round {round}</translation>
    </message>
</context>
<context>
    <name>JoinView</name>
    <message>
        <source>Meedoen met je telefoon</source>
        <translation>Join with your phone</translation>
    </message>
    <message>
        <source>De zaal is niet online. Start haar via Sessie &gt; Zaal online…</source>
        <translation>The room is not online. Start it with Session &gt; Room online…</translation>
    </message>
    <message>
        <source>Doe mee met je telefoon</source>
        <translation>Join with your phone</translation>
    </message>
    <message>
        <source>1. Wifi: {name}</source>
        <translation>1. Wi-Fi: {name}</translation>
    </message>
    <message>
        <source>wachtwoord: {password}</source>
        <translation>password: {password}</translation>
    </message>
    <message>
        <source>2. Scan en doe mee</source>
        <translation>2. Scan and join</translation>
    </message>
    <message>
        <source>Scan en doe mee</source>
        <translation>Scan and join</translation>
    </message>
    <message>
        <source>code: {code}</source>
        <translation>code: {code}</translation>
    </message>
</context>
<context>
    <name>KioskRow</name>
    <message>
        <source>Eén stip eraf</source>
        <extracomment>Below this window height the kiosk uses its compact sizes (a 1366x768 laptop).</extracomment>
        <translation>Remove a dot</translation>
    </message>
    <message>
        <source>Eén stip erbij</source>
        <translation>Add a dot</translation>
    </message>
    <message numerus="yes">
        <source>%n stip(pen)</source>
        <translation>
            <numerusform>%n dot</numerusform>
            <numerusform>%n dots</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Tafelronde – stemmen</source>
        <extracomment>Seconds the thank-you screen stays before it resets for the next voter.</extracomment>
        <translation>Tafelronde – voting</translation>
    </message>
    <message>
        <source>Begeleider: Ctrl+Shift+Q sluit het stemscherm.</source>
        <translation>Facilitator: Ctrl+Shift+Q closes the voting screen.</translation>
    </message>
    <message>
        <source>Welkom bij het stemmen</source>
        <translation>Welcome to the vote</translation>
    </message>
    <message>
        <source>Tot welke groep hoor jij? Tik op je groep.</source>
        <translation>Which group are you in? Tap your group.</translation>
    </message>
    <message>
        <source>Andere groep</source>
        <translation>Other group</translation>
    </message>
    <message>
        <source>Stem uitbrengen</source>
        <translation>Cast vote</translation>
    </message>
    <message>
        <source>Je mag ook minder stippen gebruiken.</source>
        <translation>You may also use fewer dots.</translation>
    </message>
    <message>
        <source>Nee, verder kiezen</source>
        <translation>No, keep choosing</translation>
    </message>
    <message>
        <source>Ja, uitbrengen</source>
        <translation>Yes, cast vote</translation>
    </message>
    <message>
        <source>Dank je wel! Je stem is opgeslagen.</source>
        <translation>Thank you! Your vote has been saved.</translation>
    </message>
    <message>
        <source>Geef de laptop door aan de volgende.</source>
        <translation>Please pass the laptop to the next person.</translation>
    </message>
    <message>
        <source>Volgende kiezer</source>
        <translation>Next voter</translation>
    </message>
    <message>
        <source>Het stemmen is nu niet open.</source>
        <translation>Voting is not open right now.</translation>
    </message>
    <message>
        <source>De begeleider opent het stemmen.</source>
        <translation>The facilitator will open the vote.</translation>
    </message>
    <message>
        <source>Je stemt als: {group}</source>
        <translation>You vote as: {group}</translation>
    </message>
    <message>
        <source>Kies wat jij het belangrijkst vindt</source>
        <translation>Choose what matters most to you</translation>
    </message>
    <message numerus="yes">
        <source>Je hebt %n stip(pen). Je mag er hoogstens {cap} op één onderwerp zetten.</source>
        <translation>
            <numerusform>You have %n dot. You may put at most {cap} on one item.</numerusform>
            <numerusform>You have %n dots. You may put at most {cap} on one item.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Je hebt %n stip(pen). Verdeel ze zoals jij wilt.</source>
        <translation>
            <numerusform>You have %n dot. Use it as you like.</numerusform>
            <numerusform>You have %n dots. Spread them as you like.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alle stippen gekozen</source>
        <translation>All dots placed</translation>
    </message>
    <message>
        <source>Nog 1 stip over</source>
        <translation>1 dot left</translation>
    </message>
    <message>
        <source>Nog {left} stippen over</source>
        <translation>{left} dots left</translation>
    </message>
    <message>
        <source>Je hebt nog 1 stip over. Toch uitbrengen?</source>
        <translation>You still have 1 dot left. Cast your vote anyway?</translation>
    </message>
    <message>
        <source>Je hebt nog {left} stippen over. Toch uitbrengen?</source>
        <translation>You still have {left} dots left. Cast your vote anyway?</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Toevoegen</source>
        <extracomment>Fields that may still hold a template placeholder (marked in the list).</extracomment>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Toevoegen (Insert in de lijst)</source>
        <translation>Add (Insert in the list)</translation>
    </message>
    <message>
        <source>Verwijderen (Delete in de lijst)</source>
        <translation>Delete (Delete in the list)</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Omhoog (Alt+↑ in de lijst)</source>
        <translation>Up (Alt+↑ in the list)</translation>
    </message>
    <message>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Omlaag (Alt+↓ in de lijst)</source>
        <translation>Down (Alt+↓ in the list)</translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Nog in te vullen: dit staat nog zo in het sjabloon (“…”, “Vul in”).</source>
        <translation>Still to fill in: this is as the template left it (“…”, “Fill in”).</translation>
    </message>
    <message>
        <source>Vul een naam in.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Deze naam is al in gebruik. Kies een andere naam.</source>
        <translation>This name is already in use. Choose another name.</translation>
    </message>
</context>
<context>
    <name>LocationWarning</name>
    <message>
        <source>Sessie in {place}</source>
        <translation>Session in {place}</translation>
    </message>
    <message>
        <source>{name} staat in een netwerkmap.</source>
        <translation>{name} is in a network folder.</translation>
    </message>
    <message>
        <source>{name} staat in een map die {service} synchroniseert.</source>
        <translation>{name} is in a folder that {service} synchronises.</translation>
    </message>
    <message>
        <source>Daar is een sessie niet veilig: Tafelronde bewaart elke wijziging meteen, en een synchronisatie of een tweede computer kan het bestand dan half overschrijven. Werk in een kopie op deze laptop en zet die na afloop terug (Bestand &gt; Kopie opslaan als…).</source>
        <translation>A session is not safe there: Tafelronde saves every change at once, and a sync or a second computer can then overwrite half the file. Work in a copy on this laptop and put it back afterwards (File &gt; Save copy as…).</translation>
    </message>
    <message>
        <source>&amp;Kopie op deze laptop openen</source>
        <translation>Open a &amp;copy on this laptop</translation>
    </message>
    <message>
        <source>&amp;Toch hier openen</source>
        <translation>Open it &amp;here anyway</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>Nieuwe sessie: {name}</source>
        <translation>New session: {name}</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Andere &amp;map…</source>
        <translation>Other &amp;folder…</translation>
    </message>
    <message>
        <source>Opslaan in</source>
        <translation>Save in</translation>
    </message>
    <message>
        <source>Sessie maken</source>
        <translation>Create session</translation>
    </message>
    <message>
        <source>Map voor het sessiebestand</source>
        <translation>Folder for the session file</translation>
    </message>
    <message>
        <source>Geef de sessie een titel.</source>
        <translation>Give the session a title.</translation>
    </message>
</context>
<context>
    <name>NewThemeZone</name>
    <message>
        <source>Nieuw thema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Sleep kaarten hierheen, of kies kaarten en druk op N (Ctrl+G).</source>
        <translation>Drag cards here, or select cards and press N (Ctrl+G).</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Rondes en voorstellen</source>
        <translation>Rounds and proposals</translation>
    </message>
    <message>
        <source>Nog geen voorstellen: kies een tafel en typ.</source>
        <translation>No proposals yet: choose a table and type.</translation>
    </message>
    <message>
        <source>Ronde / tafel / voorstel</source>
        <translation>Round / table / proposal</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Ronde {n}: {q}</source>
        <translation>Round {n}: {q}</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>1  Voorbereiden</source>
        <translation>1  Prepare</translation>
    </message>
    <message>
        <source>2  Rondes</source>
        <translation>2  Rounds</translation>
    </message>
    <message>
        <source>3  Clusteren</source>
        <translation>3  Cluster</translation>
    </message>
    <message>
        <source>4  Stemmen</source>
        <translation>4  Vote</translation>
    </message>
    <message>
        <source>5  Actieplan</source>
        <translation>5  Action plan</translation>
    </message>
    <message>
        <source>6  Oogst</source>
        <translation>6  Harvest</translation>
    </message>
</context>
<context>
    <name>PlacementBar</name>
    <message>
        <source>Meer (S)</source>
        <translation>More (S)</translation>
    </message>
    <message>
        <source>Hoort waarschijnlijk bij:</source>
        <translation>Most likely belongs to:</translation>
    </message>
    <message>
        <source>Elke gekozen kaart naar haar eerste suggestie ({n} kaarten):</source>
        <translation>Each chosen card to its first suggestion ({n} cards):</translation>
    </message>
    <message>
        <source>Enter: {name}</source>
        <translation>Enter: {name}</translation>
    </message>
    <message>
        <source>Enter: plaatsen</source>
        <translation>Enter: place</translation>
    </message>
    <message>
        <source>{key}: {name}</source>
        <translation>{key}: {name}</translation>
    </message>
</context>
<context>
    <name>PlanSources</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Nog geen voorstellen om om te zetten: vul eerst de rondes in.</source>
        <translation>No proposals to convert yet: fill in the rounds first.</translation>
    </message>
    <message>
        <source>Nog geen thema&apos;s: cluster eerst de voorstellen (fase 3).</source>
        <translation>No themes yet: cluster the proposals first (phase 3).</translation>
    </message>
    <message>
        <source>Nog geen stemmen: de thema&apos;s staan in hun eigen volgorde. Stem eerst (fase 4) of kies zelf.</source>
        <translation>No votes yet: the themes are in their own order. Vote first (phase 4) or choose yourself.</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Voorstel</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Stippen</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>In actieplan</source>
        <translation>In action plan</translation>
    </message>
    <message>
        <source>Klok-icoon: overgenomen van {title}{date} ({n}); {changed} met een nieuwe status. Werk de status van de andere bij.</source>
        <translation>Clock icon: carried over from {title}{date} ({n}); {changed} with a new status. Update the status of the others.</translation>
    </message>
    <message>
        <source>de vorige sessie</source>
        <translation>the previous session</translation>
    </message>
    <message>
        <source>Overgenomen van {title}{date}. Status toen: {status}.</source>
        <translation>Carried over from {title}{date}. Status then: {status}.</translation>
    </message>
    <message>
        <source>een eerdere sessie</source>
        <translation>an earlier session</translation>
    </message>
    <message>
        <source>De top {n} staat al in het actieplan.</source>
        <translation>The top {n} is already in the action plan.</translation>
    </message>
    <message>
        <source>Er is nog niets om om te zetten: maak eerst thema&apos;s (fase 3).</source>
        <translation>Nothing to convert yet: create themes first (phase 3).</translation>
    </message>
    <message>
        <source>{n} thema&apos;s zijn interventies geworden. Vul per interventie de eigenaar, doelgroepen en data in.</source>
        <translation>Themes turned into interventions: {n}. Fill in the owner, target groups and dates for each intervention.</translation>
    </message>
    <message>
        <source>Actieplan overnemen van vorige sessie</source>
        <translation>Carry over action plan from previous session</translation>
    </message>
    <message>
        <source>Sessies en uitwisselbestanden (*.tafelronde *.json);;Alle bestanden (*)</source>
        <translation>Sessions and exchange files (*.tafelronde *.json);;All files (*)</translation>
    </message>
    <message>
        <source>{title} heeft geen interventies die nog niet zijn overgenomen.</source>
        <translation>{title} has no interventions that have not been carried over yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n interventie(s) overgenomen van {title}.</source>
        <translation>
            <numerusform>%n intervention carried over from {title}.</numerusform>
            <numerusform>%n interventions carried over from {title}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Doelgroepen die hier niet bestaan zijn weggelaten: {names}.</source>
        <translation>Target groups that do not exist here were left out: {names}.</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <source>Vul een heel getal in.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Mag niet negatief zijn.</source>
        <translation>Must not be negative.</translation>
    </message>
    <message>
        <source>Kies een getal van {low} tot {high}.</source>
        <translation>Choose a number from {low} to {high}.</translation>
    </message>
    <message>
        <source>Voorbereiden</source>
        <translation>Prepare</translation>
    </message>
    <message>
        <source>Alles wordt opgeslagen zodra je een veld verlaat (Enter of Tab). Ctrl+Z maakt de laatste wijziging ongedaan.</source>
        <translation>Everything is saved as soon as you leave a field (Enter or Tab). Ctrl+Z undoes the last change.</translation>
    </message>
    <message>
        <source>Sessie en stemregels</source>
        <translation>Session and rules</translation>
    </message>
    <message>
        <source>Doelgroepen</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Tafels</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Rondes</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Context</translation>
    </message>
</context>
<context>
    <name>ProposalSearch</name>
    <message>
        <source>{table} · ronde {n}: {text}</source>
        <extracomment>Results listed at most; beyond that the list asks for a more precise term.</extracomment>
        <translation>{table} · round {n}: {text}</translation>
    </message>
    <message numerus="yes">
        <source>Gevonden: %n voorstel(len)</source>
        <translation>
            <numerusform>Found: %n proposal</numerusform>
            <numerusform>Found: %n proposals</numerusform>
        </translation>
    </message>
    <message>
        <source> · Esc sluit het zoeken</source>
        <translation> · Esc closes the search</translation>
    </message>
    <message>
        <source>Niets gevonden</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>… en nog {n} meer: typ een preciezere zoekterm</source>
        <translation>… and {n} more: type a more specific search</translation>
    </message>
</context>
<context>
    <name>QuickPicker</name>
    <message>
        <source>Naar thema</source>
        <translation>To theme</translation>
    </message>
    <message numerus="yes">
        <source>%n kaart(en) naar…</source>
        <translation>
            <numerusform>%n card to…</numerusform>
            <numerusform>%n cards to…</numerusform>
        </translation>
    </message>
    <message>
        <source>Typ een deel van de themanaam</source>
        <translation>Type part of the theme name</translation>
    </message>
    <message>
        <source>↑ ↓ kiezen · Enter verplaatsen · Esc annuleren</source>
        <translation>↑ ↓ choose · Enter move · Esc cancel</translation>
    </message>
    <message>
        <source>Nieuw thema…</source>
        <translation>New theme…</translation>
    </message>
    <message>
        <source>Terug naar de bak (niet ingedeeld)</source>
        <translation>Back to the tray (unsorted)</translation>
    </message>
    <message>
        <source>{name}  ({n})</source>
        <translation>{name}  ({n})</translation>
    </message>
    <message>
        <source>Nieuw thema: “{name}”</source>
        <translation>New theme: “{name}”</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <source>Klaar voor de zaal?</source>
        <extracomment>Prepare&apos;s tabs: session and rules, target groups, tables, rounds, context.</extracomment>
        <translation>Ready for the room?</translation>
    </message>
    <message>
        <source>Voordat de beamer aangaat, valt dit op:</source>
        <translation>Before the beamer goes on, note this:</translation>
    </message>
    <message>
        <source>Voordat de stemming opengaat, valt dit op:</source>
        <translation>Before the vote opens, note this:</translation>
    </message>
    <message>
        <source>Voordat je de oogst exporteert, valt dit op:</source>
        <translation>Before you export the harvest, note this:</translation>
    </message>
    <message>
        <source>Alles is klaar voor de zaal: niets gevonden om nog na te kijken.</source>
        <translation>All set for the room: nothing found to look at.</translation>
    </message>
    <message>
        <source>Ga erheen</source>
        <translation>Go there</translation>
    </message>
    <message>
        <source>Sluit dit venster en ga naar de plek om het te regelen</source>
        <translation>Close this window and go to the place to fix it</translation>
    </message>
    <message>
        <source>Dit is een controle, geen slot: je kunt altijd doorgaan.</source>
        <translation>This is a check, not a lock: you can always go on.</translation>
    </message>
    <message>
        <source>Beamer toch tonen</source>
        <translation>Show the beamer anyway</translation>
    </message>
    <message>
        <source>Stemming toch openen</source>
        <translation>Open the vote anyway</translation>
    </message>
    <message>
        <source>Toch exporteren</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <source>Eerst oplossen</source>
        <translation>Fix it first</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReadinessGate</name>
    <message>
        <source>Sessie</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Context voor de opening</source>
        <translation>Context for the opening</translation>
    </message>
    <message>
        <source>Vraag van een ronde</source>
        <translation>Question of a round</translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Interventie</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>{where}: nog niet ingevuld: “{text}”</source>
        <translation>{where}: not filled in yet: “{text}”</translation>
    </message>
    <message>
        <source>Doelgroep “{name}” heeft 0 deelnemers: de uitgedeelde stippen en de privacygrens kloppen dan niet.</source>
        <translation>Target group “{name}” has 0 participants: the dots handed out and the privacy floor cannot be right.</translation>
    </message>
    <message numerus="yes">
        <source>%n voorstel(len) in geen thema: die komen niet op het stembiljet.</source>
        <translation>
            <numerusform>%n proposal in no theme: it will not be on the ballot.</numerusform>
            <numerusform>%n proposals in no theme: they will not be on the ballot.</numerusform>
        </translation>
    </message>
    <message>
        <source>Interventie “{title}” heeft nog geen eigenaar.</source>
        <translation>Intervention “{title}” has no owner yet.</translation>
    </message>
    <message>
        <source>Interventie “{title}” heeft nog geen start- of vervolgdatum.</source>
        <translation>Intervention “{title}” has no start or follow-up date yet.</translation>
    </message>
    <message>
        <source>De privacygrens ({k}) verbergt elke doelgroep: de uitslag komt dan niet per groep.</source>
        <translation>The privacy floor ({k}) hides every target group: the result will not be shown per group.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Herstellen uit reservekopie</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Kies de stand die je terug wilt. Wat er nu in de sessie staat, wordt eerst zelf als reservekopie bewaard: ook het herstellen kun je zo terugdraaien.</source>
        <translation>Choose the state you want back. What is in the session now is first kept as a backup itself, so the restore can be undone too.</translation>
    </message>
    <message>
        <source>Gemaakt</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Voorstellen</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Stippen</source>
        <translation>Dots</translation>
    </message>
    <message>
        <source>Nog geen reservekopieën. Ze worden vanzelf gemaakt: bij elke overgang naar een andere fase, voor elke import en elke tien minuten als er iets is veranderd.</source>
        <translation>No backups yet. They are made by themselves: at every change to another phase, before every import, and every ten minutes when something has changed.</translation>
    </message>
    <message>
        <source>Map: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>&amp;Herstellen</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>onleesbaar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>vandaag {time}</source>
        <translation>today {time}</translation>
    </message>
    <message>
        <source>gisteren {time}</source>
        <translation>yesterday {time}</translation>
    </message>
    <message>
        <source>bij een faseovergang</source>
        <translation>at a phase change</translation>
    </message>
    <message>
        <source>voor een import</source>
        <translation>before an import</translation>
    </message>
    <message>
        <source>automatisch (elke 10 minuten)</source>
        <translation>automatic (every 10 minutes)</translation>
    </message>
    <message>
        <source>voor het herstellen van een reservekopie</source>
        <translation>before restoring a backup</translation>
    </message>
</context>
<context>
    <name>ResultsSection</name>
    <message>
        <source>De uitslag is nog verborgen, hier en op de beamer. Onthul hem als het stemmen klaar is.</source>
        <translation>The result is still hidden, here and on the projector. Reveal it when voting has finished.</translation>
    </message>
    <message>
        <source>Uitslag onthullen</source>
        <translation>Reveal result</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Overige groepen</source>
        <translation>Other groups</translation>
    </message>
    <message>
        <source>Verschil tussen groepen</source>
        <translation>Difference between groups</translation>
    </message>
    <message>
        <source>⚠ {high}: plaats {hr}, {low}: plaats {lr}</source>
        <translation>⚠ {high}: rank {hr}, {low}: rank {lr}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Groepen verschillen sterk over %n onderwerp(en): de ene groep zet het in haar top, de andere in haar onderste derde. Bespreek dit voor het actieplan.</source>
        <translation>
            <numerusform>⚠ Groups differ strongly on %n item: one group puts it in its top, the other in its bottom third. Discuss this before the action plan.</numerusform>
            <numerusform>⚠ Groups differ strongly on %n items: one group puts them in its top, the other in its bottom third. Discuss this before the action plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Geen sterke verschillen tussen de doelgroepen.</source>
        <translation>No sharp differences between the target groups.</translation>
    </message>
    <message>
        <source>stemmen zonder doelgroep</source>
        <translation>votes without a target group</translation>
    </message>
    <message>
        <source>Overige groepen: {names}. Een doelgroep met minder dan {k} stemmers wordt niet apart getoond, alleen samen met andere; waar nodig komt er een grotere groep bij, zodat wat uit het totaal is af te leiden altijd van minstens {k} mensen komt.</source>
        <translation>Other groups: {names}. A target group with fewer than {k} voters is not shown on its own, only together with others; where needed a larger group joins them, so that whatever can be worked out from the total always comes from at least {k} people.</translation>
    </message>
    <message>
        <source>Niet per doelgroep getoond: elke doelgroep heeft minder dan {k} stemmers, of de kleine groepen samen te weinig. De totalen tellen alle stippen.</source>
        <translation>Not shown per target group: every target group has fewer than {k} voters, or the small groups together too few. The totals count every dot.</translation>
    </message>
    <message numerus="yes">
        <source>%n van de flappen</source>
        <translation>
            <numerusform>%n from the flip charts</numerusform>
            <numerusform>%n from the flip charts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{dots} uit %n stembiljet(ten) in de kiosk</source>
        <translation>
            <numerusform>{dots} from %n ballot at the kiosk</numerusform>
            <numerusform>{dots} from %n ballots at the kiosk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stip(pen) in totaal</source>
        <translation>
            <numerusform>%n dot in total</numerusform>
            <numerusform>%n dots in total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Uitslag van de stemming</source>
        <extracomment>Largest name text, as a share of the screen height (few items: larger). A name takes at most this many lines; longer ones get the next smaller size.</extracomment>
        <translation>Result of the vote</translation>
    </message>
    <message>
        <source>De uitslag volgt zodra alle stemmen geteld zijn.</source>
        <translation>The result will follow once all votes have been counted.</translation>
    </message>
    <message>
        <source>Er zijn nog geen stemmen uitgebracht.</source>
        <translation>No votes have been cast yet.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Zaal online</source>
        <translation>Room online</translation>
    </message>
    <message>
        <source>Deelnemers en notulisten doen mee met hun telefoon, via het wifi waar deze laptop op zit. Internet is niet nodig. Alleen wie de code heeft, komt binnen.</source>
        <translation>Participants and scribes join with their phones, over the Wi-Fi this laptop is on. No internet is needed. Only those with the code get in.</translation>
    </message>
    <message>
        <source>Wifi/netwerk: {address}</source>
        <translation>Wi-Fi/network: {address}</translation>
    </message>
    <message>
        <source>Alle netwerken van deze laptop</source>
        <translation>All networks of this laptop</translation>
    </message>
    <message>
        <source>Alleen deze laptop (om te proberen)</source>
        <translation>This laptop only (to try it out)</translation>
    </message>
    <message>
        <source>optioneel: dan toont de beamer een wifi-QR</source>
        <translation>optional: the beamer then shows a Wi-Fi QR code</translation>
    </message>
    <message>
        <source>optioneel</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Netwerk:</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <source>&amp;Poort:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Wifi-&amp;naam:</source>
        <translation>Wi-Fi &amp;name:</translation>
    </message>
    <message>
        <source>Wifi-&amp;wachtwoord:</source>
        <translation>Wi-Fi pass&amp;word:</translation>
    </message>
    <message>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Poort</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Wifi-naam</source>
        <translation>Wi-Fi name</translation>
    </message>
    <message>
        <source>Wifi-wachtwoord</source>
        <translation>Wi-Fi password</translation>
    </message>
    <message>
        <source>Zaal &amp;starten</source>
        <translation>&amp;Start the room</translation>
    </message>
    <message>
        <source>Op de &amp;beamer</source>
        <translation>On the &amp;beamer</translation>
    </message>
    <message>
        <source>Stem&amp;kaarten afdrukken…</source>
        <translation>Print ballot &amp;cards…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Voorstellen van deelnemers eerst &amp;goedkeuren</source>
        <translation>&amp;Approve participants&apos; proposals first</translation>
    </message>
    <message>
        <source>Voorstellen die wachten op goedkeuring</source>
        <translation>Proposals waiting for approval</translation>
    </message>
    <message>
        <source>&amp;Tonen op de beamer</source>
        <translation>Sho&amp;w on the beamer</translation>
    </message>
    <message>
        <source>&amp;Verborgen houden</source>
        <translation>&amp;Keep hidden</translation>
    </message>
    <message>
        <source>Wachten op goedkeuring</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Niets te beoordelen.</source>
        <translation>Nothing to review.</translation>
    </message>
    <message>
        <source>Wachten op goedkeuring ({n})</source>
        <translation>Waiting for approval ({n})</translation>
    </message>
    <message>
        <source>Zaal &amp;stoppen</source>
        <translation>&amp;Stop the room</translation>
    </message>
    <message>
        <source>De zaal is niet online.</source>
        <translation>The room is not online.</translation>
    </message>
    <message>
        <source>Test de zaal vóór de sessie: start haar, en open op een telefoon in hetzelfde wifi het testadres dat hier dan staat.</source>
        <translation>Test the room before the session: start it, then open the test address shown here on a phone on the same Wi-Fi.</translation>
    </message>
    <message>
        <source>Online op {url} · deelnamecode {code}</source>
        <translation>Online at {url} · join code {code}</translation>
    </message>
    <message>
        <source>Verbonden toestellen: {n} (aangemeld: {joined})</source>
        <translation>Connected devices: {n} (joined: {joined})</translation>
    </message>
    <message>
        <source>Een telefoon heeft de zaal bereikt: het wifi werkt voor de sessie.</source>
        <translation>A phone has reached the room: the Wi-Fi works for the session.</translation>
    </message>
    <message>
        <source>Nog geen telefoon heeft de zaal bereikt. Open {url} op een telefoon in hetzelfde wifi. Lukt dat niet, dan houdt het wifi van de locatie toestellen waarschijnlijk van elkaar gescheiden (clientisolatie, gebruikelijk op gastnetwerken). Neem dan een eigen reisrouter mee en zet deze laptop en de telefoons daarop; internet is niet nodig.</source>
        <translation>No phone has reached the room yet. Open {url} on a phone on the same Wi-Fi. If that fails, the venue&apos;s Wi-Fi probably keeps devices apart (client isolation, common on guest networks). Then bring a travel router of your own and put this laptop and the phones on it; no internet is needed.</translation>
    </message>
    <message>
        <source>Test de zaal: open {url} op een telefoon in hetzelfde wifi.</source>
        <translation>Test the room: open {url} on a phone on the same Wi-Fi.</translation>
    </message>
    <message>
        <source>Stemkaarten</source>
        <translation>Ballot cards</translation>
    </message>
    <message>
        <source>Hoeveel stemkaarten (8 per A4)?</source>
        <translation>How many ballot cards (8 per A4)?</translation>
    </message>
    <message>
        <source>Stemkaarten opslaan</source>
        <translation>Save ballot cards</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RoomRunner</name>
    <message>
        <source>Open eerst een sessie.</source>
        <translation>Open a session first.</translation>
    </message>
    <message>
        <source>Zaal online · code {code} · {n} verbonden</source>
        <translation>Room online · code {code} · {n} connected</translation>
    </message>
</context>
<context>
    <name>RoundEditor</name>
    <message>
        <source>De vraag van deze ronde, zoals de beamer hem toont</source>
        <translation>This round&apos;s question, as the projector shows it</translation>
    </message>
    <message>
        <source>&amp;Vraag</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <source>&amp;Minuten</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>Nog geen rondes. Voeg een ronde toe en typ de vraag voor de tafels.</source>
        <translation>No rounds yet. Add a round and type the question for the tables.</translation>
    </message>
    <message>
        <source>(nog geen vraag)</source>
        <translation>(no question yet)</translation>
    </message>
    <message>
        <source>Ronde {n}: {q}</source>
        <translation>Round {n}: {q}</translation>
    </message>
    <message>
        <source>Deze ronde heeft al voorstellen; verwijder die eerst bij 2 Rondes.</source>
        <translation>This round already has proposals; delete them first under 2 Rounds.</translation>
    </message>
</context>
<context>
    <name>RoundTimerWidget</name>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>Een minuut erbij (Ctrl+M)</source>
        <translation>Add a minute (Ctrl+M)</translation>
    </message>
    <message>
        <source>Terug naar de volle tijd van de ronde</source>
        <translation>Back to the round&apos;s full time</translation>
    </message>
    <message>
        <source>Timer herstellen</source>
        <translation>Reset timer</translation>
    </message>
    <message>
        <source>Pauze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Timer pauzeren (Ctrl+T)</source>
        <translation>Pause timer (Ctrl+T)</translation>
    </message>
    <message>
        <source>Tijd is om</source>
        <translation>Time&apos;s up</translation>
    </message>
    <message>
        <source>loopt</source>
        <translation>running</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Verder</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Timer starten (Ctrl+T)</source>
        <translation>Start timer (Ctrl+T)</translation>
    </message>
    <message>
        <source>gepauzeerd</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>klaar om te starten</source>
        <translation>ready to start</translation>
    </message>
    <message>
        <source>Nog geen ronde</source>
        <translation>No round yet</translation>
    </message>
</context>
<context>
    <name>RoundView</name>
    <message>
        <source>Ronde</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Kies in de console de ronde die begint.</source>
        <translation>Choose the round that starts in the console.</translation>
    </message>
    <message>
        <source>Ronde {n} van {total}</source>
        <translation>Round {n} of {total}</translation>
    </message>
    <message>
        <source>nog te gaan</source>
        <translation>to go</translation>
    </message>
    <message>
        <source>begint zo</source>
        <translation>starts soon</translation>
    </message>
    <message>
        <source>gepauzeerd</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Tijd is om</source>
        <translation>Time&apos;s up</translation>
    </message>
    <message>
        <source>Laatste minuut</source>
        <translation>Last minute</translation>
    </message>
    <message>
        <source>{minutes} minuten</source>
        <translation>{minutes} minutes</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <source>Rondes</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Vorige ronde</source>
        <translation>Previous round</translation>
    </message>
    <message>
        <source>Volgende ronde</source>
        <translation>Next round</translation>
    </message>
    <message>
        <source>Vorige ronde (Ctrl+Shift+PgUp)</source>
        <translation>Previous round (Ctrl+Shift+PgUp)</translation>
    </message>
    <message>
        <source>Volgende ronde (Ctrl+Shift+PgDn)</source>
        <translation>Next round (Ctrl+Shift+PgDn)</translation>
    </message>
    <message>
        <source>Tafels × rondes</source>
        <translation>Tables × rounds</translation>
    </message>
    <message>
        <source>Kies een tafel (Alt+1…9, Ctrl+PgUp/PgDn) en een ronde om te typen</source>
        <translation>Choose a table (Alt+1…9, Ctrl+PgUp/PgDn) and a round to type in</translation>
    </message>
    <message>
        <source>Nog geen tafels of rondes: voeg ze toe bij 1 Voorbereiden (Ctrl+1).</source>
        <translation>No tables or rounds yet: add them under 1 Prepare (Ctrl+1).</translation>
    </message>
    <message>
        <source>Zoeken in alle voorstellen (Ctrl+F)</source>
        <translation>Search all proposals (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter of ↓ gaat naar de resultaten; Esc sluit het zoeken</source>
        <translation>Enter or ↓ goes to the results; Esc closes the search</translation>
    </message>
    <message>
        <source>Vorige tafel</source>
        <translation>Previous table</translation>
    </message>
    <message>
        <source>Volgende tafel</source>
        <translation>Next table</translation>
    </message>
    <message>
        <source>Timer starten of pauzeren</source>
        <translation>Start or pause timer</translation>
    </message>
    <message>
        <source>Een minuut erbij</source>
        <translation>Add a minute</translation>
    </message>
    <message>
        <source>Zoeken in alle voorstellen</source>
        <translation>Search all proposals</translation>
    </message>
    <message>
        <source>Naar het invoerveld</source>
        <translation>Go to the input field</translation>
    </message>
    <message>
        <source>Tafel {n}</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <source>Gastheer/-vrouw: {host}</source>
        <translation>Host: {host}</translation>
    </message>
    <message>
        <source>Ronde {n}</source>
        <translation>Round {n}</translation>
    </message>
    <message>
        <source>R{n}</source>
        <translation>R{n}</translation>
    </message>
    <message>
        <source>De huidige ronde (gemarkeerd)</source>
        <translation>The current round (highlighted)</translation>
    </message>
    <message>
        <source>Nog geen rondes: voeg ze toe bij 1 Voorbereiden.</source>
        <translation>No rounds yet: add them under 1 Prepare.</translation>
    </message>
    <message>
        <source>Ronde {n} van {total}</source>
        <translation>Round {n} of {total}</translation>
    </message>
    <message>
        <source>(nog geen vraag)</source>
        <translation>(no question yet)</translation>
    </message>
    <message>
        <source>Kies links een tafel en een ronde</source>
        <translation>Choose a table and a round on the left</translation>
    </message>
    <message>
        <source>{table} · ronde {n}</source>
        <translation>{table} · round {n}</translation>
    </message>
    <message>
        <source> (niet de huidige ronde)</source>
        <translation> (not the current round)</translation>
    </message>
</context>
<context>
    <name>ScribeEdit</name>
    <message>
        <source>Typ een voorstel en druk op Enter. Shift+Enter voor een nieuwe regel.</source>
        <translation>Type a proposal and press Enter. Shift+Enter for a new line.</translation>
    </message>
</context>
<context>
    <name>ScribePanel</name>
    <message>
        <source>Nog geen voorstellen: typ hierboven en druk op Enter.</source>
        <translation>No proposals yet: type above and press Enter.</translation>
    </message>
    <message>
        <source>Kies een tafel en een ronde</source>
        <translation>Choose a table and a round</translation>
    </message>
    <message>
        <source>Voorstellen van deze tafel in deze ronde: {n}</source>
        <translation>Proposals from this table in this round: {n}</translation>
    </message>
    <message>
        <source>Je bewerkt een eerder voorstel. Enter slaat op, Esc annuleert.</source>
        <translation>You are editing an earlier proposal. Enter saves, Esc cancels.</translation>
    </message>
    <message>
        <source>{n} / {limit} tekens</source>
        <translation>{n} / {limit} characters</translation>
    </message>
    <message>
        <source>Lijkt op wat deze tafel al noteerde: “{text}”</source>
        <translation>Looks like something this table already noted: “{text}”</translation>
    </message>
    <message>
        <source>Maximaal {limit} tekens: wat niet past, is niet toegevoegd</source>
        <translation>At most {limit} characters: anything beyond that was not added</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Nieuwe sessie</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>Begin met het sjabloon:</source>
        <translation>Start from the template:</translation>
    </message>
    <message>
        <source>Verder</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kopie opslaan als</source>
        <translation>Save copy as</translation>
    </message>
    <message>
        <source>Tafelronde-sessies (*.tafelronde)</source>
        <translation>Tafelronde sessions (*.tafelronde)</translation>
    </message>
    <message>
        <source>Kies een andere naam dan die van de open sessie.</source>
        <translation>Choose a name other than that of the open session.</translation>
    </message>
    <message>
        <source>Kopie opgeslagen: {path}. Je werkt verder in het origineel.</source>
        <translation>Copy saved: {path}. You are still working in the original.</translation>
    </message>
    <message>
        <source>Deze sessie heeft nog geen tafels. Voeg ze toe bij 1 Voorbereiden.</source>
        <translation>This session has no tables yet. Add them under 1 Prepare.</translation>
    </message>
    <message>
        <source>Sessie openen</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>Tafelronde-sessies (*.tafelronde);;Uitwisselbestanden en sjablonen (*.json)</source>
        <translation>Tafelronde sessions (*.tafelronde);;Exchange files and templates (*.json)</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>“{what}” is niet opnieuw gedaan: alles wat het veranderde, is sindsdien gewijzigd (een import of een latere bewerking). Die nieuwere versie blijft staan.</source>
        <translation>“{what}” was not redone: everything it changed has been changed since (an import or a later edit). That newer version stays.</translation>
    </message>
    <message>
        <source>“{what}”: 1 wijziging is niet opnieuw gedaan, omdat die sindsdien is gewijzigd (een import of een latere bewerking). De nieuwere versie blijft staan.</source>
        <translation>“{what}”: 1 change was not redone because it has been changed since (an import or a later edit). The newer version stays.</translation>
    </message>
    <message>
        <source>“{what}”: {n} wijzigingen zijn niet opnieuw gedaan, omdat die sindsdien zijn gewijzigd (een import of een latere bewerking). De nieuwere versies blijven staan.</source>
        <translation>“{what}”: {n} changes were not redone because they have been changed since (an import or a later edit). The newer versions stay.</translation>
    </message>
    <message>
        <source>“{what}” is niet ongedaan gemaakt: alles wat het veranderde, is sindsdien opnieuw gewijzigd (een import of een latere bewerking). Die nieuwere versie blijft staan.</source>
        <translation>“{what}” was not undone: everything it changed has been changed again since (an import or a later edit). That newer version stays.</translation>
    </message>
    <message>
        <source>“{what}”: 1 wijziging is niet ongedaan gemaakt, omdat die sindsdien opnieuw is gewijzigd (een import of een latere bewerking). De nieuwere versie blijft staan.</source>
        <translation>“{what}”: 1 change could not be undone because it has been changed again since (an import or a later edit). The newer version stays.</translation>
    </message>
    <message>
        <source>“{what}”: {n} wijzigingen zijn niet ongedaan gemaakt, omdat die sindsdien opnieuw zijn gewijzigd (een import of een latere bewerking). De nieuwere versies blijven staan.</source>
        <translation>“{what}”: {n} changes could not be undone because they have been changed again since (an import or a later edit). The newer versions stay.</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>nog geen datum</source>
        <translation>no date yet</translation>
    </message>
    <message>
        <source>&amp;Titel</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Organisatie</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Lo&amp;catie</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <source>Do&amp;el</source>
        <translation>&amp;Goal</translation>
    </message>
    <message>
        <source>Taal van de e&amp;xports</source>
        <translation>E&amp;xport language</translation>
    </message>
    <message>
        <source>Stemregels</source>
        <translation>Voting rules</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Losse voorstellen</source>
        <translation>Individual proposals</translation>
    </message>
    <message>
        <source>&amp;Stippen per deelnemer</source>
        <translation>Dots &amp;per participant</translation>
    </message>
    <message>
        <source>Hoo&amp;gstens per item</source>
        <translation>&amp;Maximum per item</translation>
    </message>
    <message>
        <source>Ste&amp;mmen op</source>
        <translation>Vote o&amp;n</translation>
    </message>
    <message>
        <source>&amp;Privacygrens</source>
        <translation>P&amp;rivacy threshold</translation>
    </message>
    <message>
        <source>Geef de sessie een titel.</source>
        <translation>Give the session a title.</translation>
    </message>
    <message>
        <source>Kan niet meer zijn dan de stippen per deelnemer ({n}).</source>
        <translation>Cannot be more than the dots per participant ({n}).</translation>
    </message>
    <message>
        <source>Vul een getal in; {n} is gebruikelijk.</source>
        <translation>Enter a number; {n} is usual.</translation>
    </message>
    <message>
        <source>Doelgroepen met minder stemmers dan de privacygrens krijgen geen eigen uitsplitsing van de stemmen: ze tellen alleen samen mee.</source>
        <translation>Target groups with fewer voters than the privacy threshold get no breakdown of their own votes: they count only together.</translation>
    </message>
</context>
<context>
    <name>SessionSafety</name>
    <message>
        <source>een netwerkmap</source>
        <translation>a network folder</translation>
    </message>
    <message>
        <source>Je werkt in een kopie op deze laptop: {path}. Het origineel is niet veranderd.</source>
        <translation>You are working in a copy on this laptop: {path}. The original was not changed.</translation>
    </message>
    <message>
        <source>&amp;Kopie op deze laptop openen</source>
        <translation>Open a &amp;copy on this laptop</translation>
    </message>
    <message>
        <source>beschadigd</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>De reservekopie van {when} is teruggezet. Het beschadigde bestand is bewaard als {name}.</source>
        <translation>The backup of {when} is restored. The damaged file is kept as {name}.</translation>
    </message>
    <message>
        <source>Er is niets hersteld.</source>
        <translation>Nothing was restored.</translation>
    </message>
    <message>
        <source>Hersteld: de reservekopie van {when}. De stand van daarvoor is ook als reservekopie bewaard.</source>
        <translation>Restored: the backup of {when}. The state before it is kept as a backup too.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Zoals het systeem</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Een andere taal gaat in bij de volgende start van Tafelronde.</source>
        <translation>A new language takes effect the next time Tafelronde starts.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Nieuwe regel in een voorstel</source>
        <translation>New line in a proposal</translation>
    </message>
    <message>
        <source>Laatste voorstel bewerken (in een leeg invoerveld)</source>
        <translation>Edit last proposal (in an empty input field)</translation>
    </message>
    <message>
        <source>Vorige / volgende tafel</source>
        <translation>Previous / next table</translation>
    </message>
    <message>
        <source>Tafel kiezen</source>
        <translation>Choose table</translation>
    </message>
    <message>
        <source>Naar fase 1 … 6</source>
        <translation>To phase 1 … 6</translation>
    </message>
    <message>
        <source>Overal in de console</source>
        <translation>Everywhere in the console</translation>
    </message>
    <message>
        <source>2  Rondes: notuleren</source>
        <translation>2  Rounds: taking notes</translation>
    </message>
    <message>
        <source>Voorstel opslaan, veld leeg voor het volgende</source>
        <translation>Save the proposal, field empty for the next</translation>
    </message>
    <message>
        <source>Terug naar een leeg invoerveld, zoeken sluiten</source>
        <translation>Back to an empty entry field, close the search</translation>
    </message>
    <message>
        <source>Vorige / volgende ronde</source>
        <translation>Previous / next round</translation>
    </message>
    <message>
        <source>Naar het invoerveld</source>
        <translation>To the entry field</translation>
    </message>
    <message>
        <source>Zoeken in alle voorstellen</source>
        <translation>Search all proposals</translation>
    </message>
    <message>
        <source>Timer starten of pauzeren</source>
        <translation>Start or pause the timer</translation>
    </message>
    <message>
        <source>Een minuut erbij</source>
        <translation>One more minute</translation>
    </message>
    <message>
        <source>Voorstel in de lijst bewerken</source>
        <translation>Edit a proposal in the list</translation>
    </message>
    <message>
        <source>Gekozen voorstel verwijderen</source>
        <translation>Delete selected proposal</translation>
    </message>
    <message>
        <source>3  Clusteren</source>
        <translation>3  Cluster</translation>
    </message>
    <message>
        <source>Gekozen kaarten naar een thema</source>
        <translation>Selected cards to a theme</translation>
    </message>
    <message>
        <source>Nieuw thema van de gekozen kaarten</source>
        <translation>New theme from the selected cards</translation>
    </message>
    <message>
        <source>Thema hernoemen</source>
        <translation>Rename theme</translation>
    </message>
    <message>
        <source>Zoeken in voorstellen</source>
        <translation>Search proposals</translation>
    </message>
    <message>
        <source>4  Stemmen</source>
        <translation>4  Vote</translation>
    </message>
    <message>
        <source>Stippen turven: opslaan en naar beneden</source>
        <translation>Sticker tallies: save and go down</translation>
    </message>
    <message>
        <source>Stippen turven: naar rechts</source>
        <translation>Sticker tallies: go right</translation>
    </message>
    <message>
        <source>Kiosk: doelgroep kiezen</source>
        <translation>Kiosk: choose a target group</translation>
    </message>
    <message>
        <source>Kiosk: stip erbij / eraf</source>
        <translation>Kiosk: add / remove a dot</translation>
    </message>
    <message>
        <source>Kiosk: stem uitbrengen</source>
        <translation>Kiosk: cast the vote</translation>
    </message>
    <message>
        <source>Kiosk sluiten (begeleider)</source>
        <translation>Close the kiosk (facilitator)</translation>
    </message>
    <message>
        <source>5  Actieplan</source>
        <translation>5  Action plan</translation>
    </message>
    <message>
        <source>Interventie hoger / lager</source>
        <translation>Intervention up / down</translation>
    </message>
    <message>
        <source>Interventie verwijderen</source>
        <translation>Delete intervention</translation>
    </message>
    <message>
        <source>Op het beamervenster</source>
        <translation>On the beamer window</translation>
    </message>
    <message>
        <source>Beamer op zwart</source>
        <translation>Beamer to black</translation>
    </message>
    <message>
        <source>Volgende / vorige weergave</source>
        <translation>Next / previous view</translation>
    </message>
    <message>
        <source>Volledig scherm uit</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <source>Beamer verbergen</source>
        <translation>Hide the beamer</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>De demo</source>
        <translation>the demo</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Demo van {moment}</source>
        <translation>Demo of {moment}</translation>
    </message>
    <message>
        <source>Welkom bij Tafelronde</source>
        <translation>Welcome to Tafelronde</translation>
    </message>
    <message>
        <source>Begin een nieuwe sessie vanuit een sjabloon, of open een sessie die je al hebt. Alles wordt meteen opgeslagen; er is geen Opslaan-knop om te vergeten.</source>
        <translation>Start a new session from a template, or open one you already have. Everything is saved straight away; there is no Save button to forget.</translation>
    </message>
    <message>
        <source>Nieuwe sessie (Ctrl+N)</source>
        <translation>New session (Ctrl+N)</translation>
    </message>
    <message>
        <source>Recent geopend</source>
        <translation>Recently opened</translation>
    </message>
    <message>
        <source>Nog niets geopend. Kies links een sjabloon om te beginnen.</source>
        <translation>Nothing opened yet. Choose a template on the left to start.</translation>
    </message>
    <message>
        <source>Bestand &amp;openen…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <source>&amp;Demo bekijken</source>
        <translation>Try the &amp;demo</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <source>Alle voorstellen van deze suggestie zitten al in een thema; er is niets veranderd.</source>
        <extracomment>Run state: the suggestions the facilitator dismissed (not shown again).</extracomment>
        <translation>All proposals in this suggestion are already in a theme; nothing has changed.</translation>
    </message>
    <message>
        <source>In welk thema komen de dubbelen?</source>
        <translation>Which theme should the duplicates go into?</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggesties</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Opnieuw berekenen</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <source>Suggesties sluiten</source>
        <translation>Close suggestions</translation>
    </message>
    <message>
        <source>Berekend op {n} voorstellen in {ms} ms, op deze laptop. Niets gebeurt vanzelf: neem een suggestie over, pas de naam aan of negeer haar.</source>
        <translation>Calculated from {n} proposals in {ms} ms, on this laptop. Nothing happens by itself: accept a suggestion, change its name or ignore it.</translation>
    </message>
    <message>
        <source>Voorgestelde thema&apos;s ({n})</source>
        <translation>Suggested themes ({n})</translation>
    </message>
    <message>
        <source>{n} al ingedeeld</source>
        <translation>{n} already sorted</translation>
    </message>
    <message>
        <source>Mogelijke dubbelen ({n})</source>
        <translation>Possible duplicates ({n})</translation>
    </message>
    <message>
        <source>Geen themasuggesties voor de voorstellen die nog niet ingedeeld zijn.</source>
        <translation>No theme suggestions for the unsorted proposals.</translation>
    </message>
    <message>
        <source>Geen mogelijke dubbelen (meer).</source>
        <translation>No (more) possible duplicates.</translation>
    </message>
    <message>
        <source>Toon er meer ({n} over)</source>
        <translation>Show more ({n} left)</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <source>&amp;12 tafels ineens</source>
        <translation>&amp;12 tables at once</translation>
    </message>
    <message>
        <source>Voegt Tafel 1 tot en met 12 toe (of de volgende twaalf)</source>
        <translation>Adds Table 1 to 12 (or the next twelve)</translation>
    </message>
    <message>
        <source>wie de tafel host of notuleert</source>
        <translation>who hosts or scribes at the table</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Gastheer/-vrouw</source>
        <translation>H&amp;ost</translation>
    </message>
    <message>
        <source>&amp;Doelgroep</source>
        <translation>Target &amp;group</translation>
    </message>
    <message>
        <source>Nog geen tafels. Voeg er één toe, of twaalf ineens met de knop links.</source>
        <translation>No tables yet. Add one, or twelve at once with the button on the left.</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>(geen doelgroep)</source>
        <translation>(no target group)</translation>
    </message>
    <message>
        <source>Deze tafel heeft al voorstellen; verwijder die eerst bij 2 Rondes.</source>
        <translation>This table already has proposals; delete them first under 2 Rounds.</translation>
    </message>
</context>
<context>
    <name>TableLaptopWindow</name>
    <message>
        <source>&amp;Ronde</source>
        <translation>&amp;Round</translation>
    </message>
    <message>
        <source>Andere &amp;tafel…</source>
        <translation>Other &amp;table…</translation>
    </message>
    <message>
        <source>Een andere tafel kiezen (Ctrl+Shift+T)</source>
        <translation>Choose another table (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>&amp;Exporteer mijn tafel</source>
        <translation>&amp;Export my table</translation>
    </message>
    <message>
        <source>Schrijft de voorstellen van deze tafel naar een bestand, bijvoorbeeld op een USB-stick, voor de procesbegeleider (Ctrl+E)</source>
        <translation>Writes this table&apos;s proposals to a file, for example on a USB stick, for the facilitator (Ctrl+E)</translation>
    </message>
    <message>
        <source>Alles is opgeslagen</source>
        <translation>All changes saved</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Deze tafel staat niet (meer) in de sessie</source>
        <translation>This table is not (or no longer) in the session</translation>
    </message>
    <message>
        <source>Kies met “Andere tafel” de tafel van deze laptop. Wat al getypt is, blijft in het veld staan.</source>
        <translation>Choose this laptop&apos;s table with “Other table”. What has been typed stays in the field.</translation>
    </message>
    <message>
        <source>Deze laptop is {table}</source>
        <translation>This laptop is {table}</translation>
    </message>
    <message>
        <source>Ronde {n}</source>
        <translation>Round {n}</translation>
    </message>
    <message>
        <source>Opgeslagen {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Niet opgeslagen: {reason} Wat je typte, staat nog in het veld.</source>
        <translation>Not saved: {reason} What you typed is still in the field.</translation>
    </message>
    <message>
        <source>Niet geëxporteerd: {reason}</source>
        <translation>Not exported: {reason}</translation>
    </message>
    <message>
        <source>Geëxporteerd naar {path}. Geef dit bestand aan de procesbegeleider.</source>
        <translation>Exported to {path}. Give this file to the facilitator.</translation>
    </message>
    <message>
        <source>Waar moet het bestand heen (bijvoorbeeld de USB-stick)?</source>
        <translation>Where should the file go (for example the USB stick)?</translation>
    </message>
</context>
<context>
    <name>TablePicker</name>
    <message>
        <source>Deze laptop is tafel…</source>
        <translation>This laptop is table…</translation>
    </message>
    <message>
        <source>&amp;Welke tafel typt op deze laptop?</source>
        <translation>&amp;Which table types on this laptop?</translation>
    </message>
    <message>
        <source>Alles wat hier getypt wordt, staat meteen in het sessiebestand van deze laptop. Met “Exporteer mijn tafel” gaat het naar de procesbegeleider.</source>
        <translation>Everything typed here is in this laptop&apos;s session file at once. “Export my table” takes it to the facilitator.</translation>
    </message>
    <message>
        <source>Deze tafel</source>
        <translation>This table</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TallySection</name>
    <message>
        <source>Turven per:</source>
        <translation>Tally by:</translation>
    </message>
    <message>
        <source>&amp;Doelgroep</source>
        <translation>Target &amp;group</translation>
    </message>
    <message>
        <source>&amp;Tafel</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <source>Tel de stickers op de flappen en typ per onderwerp het aantal stippen (Enter, pijltjes). 0 of leeg haalt de telling weg.</source>
        <translation>Count the stickers on the flip charts and type the number of dots for each topic (Enter, arrow keys). 0 or empty removes the count.</translation>
    </message>
    <message>
        <source>Controle per doelgroep</source>
        <translation>Check per target group</translation>
    </message>
    <message>
        <source>{table} ({group})</source>
        <translation>{table} ({group})</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message numerus="yes">
        <source>Daarnaast %n stip(pen) geturfd per doelgroep.</source>
        <translation>
            <numerusform>Also %n dot tallied per target group.</numerusform>
            <numerusform>Also %n dots tallied per target group.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Daarnaast %n stip(pen) geturfd per tafel.</source>
        <translation>
            <numerusform>Also %n dot tallied per table.</numerusform>
            <numerusform>Also %n dots tallied per table.</numerusform>
        </translation>
    </message>
    <message>
        <source>Typ een heel aantal stippen (0 of meer).</source>
        <translation>Type a whole number of dots (0 or more).</translation>
    </message>
</context>
<context>
    <name>TargetGroupEditor</name>
    <message>
        <source>bijvoorbeeld 24</source>
        <translation>for example 24</translation>
    </message>
    <message>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Deelnemers</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>Nog geen doelgroepen. Voeg ze toe, bijvoorbeeld Monteurs, Kantoor, Ploegendienst en Leidinggevenden, met het aantal deelnemers.</source>
        <translation>No target groups yet. Add them, for example Technicians, Office, Shift workers and Managers, with the number of participants.</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n deelnemer(s))</source>
        <translation>
            <numerusform>{name} (%n participant)</numerusform>
            <numerusform>{name} (%n participants)</numerusform>
        </translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
</context>
<context>
    <name>TemplateButton</name>
    <message>
        <source>{tables} tafels, {rounds} rondes</source>
        <translation>{tables} tables, {rounds} rounds</translation>
    </message>
</context>
<context>
    <name>ThemeActions</name>
    <message>
        <source>de bak</source>
        <translation>the tray</translation>
    </message>
    <message numerus="yes">
        <source>%n kaart(en) terug naar de bak</source>
        <translation>
            <numerusform>%n card back to the tray</numerusform>
            <numerusform>%n cards back to the tray</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kaart(en) naar {theme}</source>
        <translation>
            <numerusform>%n card to {theme}</numerusform>
            <numerusform>%n cards to {theme}</numerusform>
        </translation>
    </message>
    <message>
        <source>Nieuw thema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Nieuw thema {n}</source>
        <translation>New theme {n}</translation>
    </message>
    <message>
        <source>Beschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Waar gaat “{name}” over? (zichtbaar op het bord en in het verslag)</source>
        <translation>What is “{name}” about? (shown on the board and in the report)</translation>
    </message>
    <message>
        <source>Kies eerst de kaarten die uit het thema gaan.</source>
        <translation>First select the cards to take out of the theme.</translation>
    </message>
    <message>
        <source>{name} (deel 2)</source>
        <translation>{name} (part 2)</translation>
    </message>
</context>
<context>
    <name>ThemeBox</name>
    <message>
        <source>Kleur van het thema</source>
        <translation>Theme colour</translation>
    </message>
    <message>
        <source>Klik of F2 om de naam te wijzigen</source>
        <translation>Click or press F2 to rename</translation>
    </message>
    <message>
        <source>Naam van het thema</source>
        <translation>Theme name</translation>
    </message>
    <message>
        <source>Enter bewaart, Esc laat de naam zoals hij was</source>
        <translation>Enter saves, Esc keeps the name as it was</translation>
    </message>
    <message>
        <source>Thema: samenvoegen, splitsen, verwijderen…</source>
        <translation>Theme: merge, split, delete…</translation>
    </message>
    <message>
        <source>Sleep kaarten hierheen.</source>
        <translation>Drag cards here.</translation>
    </message>
    <message>
        <source>Voorstellen in dit thema</source>
        <translation>Proposals in this theme</translation>
    </message>
    <message>
        <source>{shown} van {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <source>Oranje</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Hemelsblauw</source>
        <translation>Sky blue</translation>
    </message>
    <message>
        <source>Blauwgroen</source>
        <translation>Bluish green</translation>
    </message>
    <message>
        <source>Geel</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Blauw</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Vermiljoen</source>
        <translation>Vermilion</translation>
    </message>
    <message>
        <source>Roze</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Automatisch (naar plaats op het bord)</source>
        <translation>Automatic (by position on the board)</translation>
    </message>
    <message>
        <source>Naam wijzigen	F2</source>
        <translation>Rename	F2</translation>
    </message>
    <message>
        <source>Beschrijving…</source>
        <translation>Description…</translation>
    </message>
    <message>
        <source>Kleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Samenvoegen met</source>
        <translation>Merge with</translation>
    </message>
    <message>
        <source>De kaarten van dit thema gaan naar “{name}”</source>
        <translation>This theme&apos;s cards go to “{name}”</translation>
    </message>
    <message>
        <source>Selectie afsplitsen naar een nieuw thema ({n})</source>
        <translation>Split selection into a new theme ({n})</translation>
    </message>
    <message>
        <source>Thema verwijderen (kaarten terug naar de bak)</source>
        <translation>Delete theme (cards back to the tray)</translation>
    </message>
</context>
<context>
    <name>ThemeSuggestionItem</name>
    <message>
        <source>Pas de naam aan of kies een standaardnaam</source>
        <translation>Change the name or choose a standard name</translation>
    </message>
    <message>
        <source>… en nog {n}</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>Thema maken</source>
        <translation>Create theme</translation>
    </message>
    <message>
        <source>Negeren</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Alle {n} voorstellen zitten al in een thema.</source>
        <translation>All {n} proposals are already in a theme.</translation>
    </message>
    <message>
        <source>Naar het nieuwe thema: {free}. Al in een ander thema (die blijven daar): {taken}.</source>
        <translation>To the new theme: {free}. Already in another theme (they stay there): {taken}.</translation>
    </message>
    <message>
        <source>1 voorstel gaat naar het nieuwe thema.</source>
        <translation>1 proposal goes to the new theme.</translation>
    </message>
    <message>
        <source>{n} voorstellen gaan naar het nieuwe thema.</source>
        <translation>{n} proposals go to the new theme.</translation>
    </message>
    <message>
        <source>Stemmen is open: er kunnen nu geen thema&apos;s bij.</source>
        <translation>Voting is open: no themes can be added now.</translation>
    </message>
</context>
<context>
    <name>ThemesPage</name>
    <message>
        <source>Clusteren</source>
        <extracomment>Changes after which the board re-reads only what changed. Tray card -&gt; the session&apos;s themes, most likely first (issue 17).</extracomment>
        <translation>Clustering</translation>
    </message>
    <message>
        <source>Nieuw thema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Nieuw thema van de gekozen kaarten (N of Ctrl+G)</source>
        <translation>New theme from the selected cards (N or Ctrl+G)</translation>
    </message>
    <message>
        <source>Naar thema…</source>
        <translation>To theme…</translation>
    </message>
    <message>
        <source>Gekozen kaarten naar een thema sturen (T of Ctrl+T)</source>
        <translation>Send the selected cards to a theme (T or Ctrl+T)</translation>
    </message>
    <message>
        <source>Suggesties</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Thema&apos;s en dubbelen voorstellen op basis van de tekst (offline)</source>
        <translation>Suggest themes and duplicates from the text (offline)</translation>
    </message>
    <message>
        <source>Het stemmen is open: er kunnen nu geen thema&apos;s bij of af. Kaarten verplaatsen en namen aanpassen kan wel. Sluit eerst het stemmen (fase 4) om thema&apos;s te maken, samen te voegen, te splitsen of te verwijderen.</source>
        <translation>Voting is open: themes cannot be added or removed now. You can still move cards and rename themes. Close the vote first (phase 4) to create, merge, split or delete themes.</translation>
    </message>
    <message>
        <source>Zoeken in voorstellen (Ctrl+F)</source>
        <translation>Search proposals (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter op ronde</source>
        <translation>Filter by round</translation>
    </message>
    <message>
        <source>Filter op tafel</source>
        <translation>Filter by table</translation>
    </message>
    <message>
        <source>Filter op doelgroep</source>
        <translation>Filter by target group</translation>
    </message>
    <message>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Ronde {n}</source>
        <translation>Round {n}</translation>
    </message>
    <message>
        <source>dubbel</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>{n} tafels</source>
        <translation>{n} tables</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>Alle rondes</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>Alle tafels</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>Alle doelgroepen</source>
        <translation>All target groups</translation>
    </message>
    <message numerus="yes">
        <source>%n voorstel(len)</source>
        <translation>
            <numerusform>%n proposal</numerusform>
            <numerusform>%n proposals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nog niet ingedeeld</source>
        <translation>
            <numerusform>%n not yet sorted</numerusform>
            <numerusform>%n not yet sorted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thema(&apos;s)</source>
        <translation>
            <numerusform>%n theme</numerusform>
            <numerusform>%n themes</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} — Ctrl+Z maakt het ongedaan.</source>
        <translation>{what} — Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>ThemesView</name>
    <message>
        <source>De thema&apos;s</source>
        <translation>The themes</translation>
    </message>
    <message>
        <source>met het aantal voorstellen in elk thema</source>
        <translation>with the number of proposals in each theme</translation>
    </message>
    <message>
        <source>De thema&apos;s verschijnen hier zodra de voorstellen zijn geclusterd.</source>
        <translation>The themes appear here once the proposals have been clustered.</translation>
    </message>
</context>
<context>
    <name>TrayBox</name>
    <message>
        <source>Nog niet ingedeeld</source>
        <translation>Unsorted</translation>
    </message>
    <message>
        <source>Aantal niet ingedeelde voorstellen</source>
        <translation>Number of unsorted proposals</translation>
    </message>
    <message>
        <source>Alles is ingedeeld. Sleep een kaart hierheen om haar uit een thema te halen.</source>
        <translation>Everything is sorted. Drag a card here to take it out of a theme.</translation>
    </message>
    <message>
        <source>Niet ingedeelde voorstellen</source>
        <translation>Unsorted proposals</translation>
    </message>
    <message>
        <source>{shown} van {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message>
        <source>Voorstel toevoegen</source>
        <translation>Add proposal</translation>
    </message>
    <message>
        <source>Voorstel bewerken</source>
        <translation>Edit proposal</translation>
    </message>
    <message>
        <source>Voorstel verwijderen</source>
        <translation>Delete proposal</translation>
    </message>
    <message>
        <source>{n} voorstellen verwijderen</source>
        <translation>Delete {n} proposals</translation>
    </message>
    <message>
        <source>Verbergen op de beamer</source>
        <translation>Hide on the beamer</translation>
    </message>
    <message>
        <source>Weer tonen op de beamer</source>
        <translation>Show on the beamer again</translation>
    </message>
    <message>
        <source>Nieuw thema “{name}”</source>
        <translation>New theme “{name}”</translation>
    </message>
    <message>
        <source>Thema “{name}” uit een suggestie</source>
        <translation>Theme “{name}” from a suggestion</translation>
    </message>
    <message>
        <source>Thema hernoemen naar “{name}”</source>
        <translation>Rename theme to “{name}”</translation>
    </message>
    <message>
        <source>Beschrijving van “{name}”</source>
        <translation>Description of “{name}”</translation>
    </message>
    <message>
        <source>Kleur van “{name}”</source>
        <translation>Colour of “{name}”</translation>
    </message>
    <message>
        <source>“{name}” samengevoegd met “{other}”</source>
        <translation>“{name}” merged into “{other}”</translation>
    </message>
    <message>
        <source>“{name}” gesplitst</source>
        <translation>“{name}” split</translation>
    </message>
    <message>
        <source>Thema “{name}” verwijderen</source>
        <translation>Delete theme “{name}”</translation>
    </message>
    <message>
        <source>Kaart naar “{name}”</source>
        <translation>Card to “{name}”</translation>
    </message>
    <message>
        <source>{n} kaarten naar “{name}”</source>
        <translation>{n} cards to “{name}”</translation>
    </message>
    <message>
        <source>Kaart terug naar de bak</source>
        <translation>Card back to the tray</translation>
    </message>
    <message>
        <source>{n} kaarten terug naar de bak</source>
        <translation>{n} cards back to the tray</translation>
    </message>
    <message>
        <source>{n} kaarten naar hun voorgestelde thema</source>
        <translation>{n} cards to their suggested theme</translation>
    </message>
    <message>
        <source>Dubbele voorstellen samengevoegd</source>
        <translation>Duplicate proposals merged</translation>
    </message>
    <message>
        <source>Turven aangepast</source>
        <translation>Tally changed</translation>
    </message>
    <message>
        <source>Kioskstem</source>
        <translation>Kiosk ballot</translation>
    </message>
    <message>
        <source>Stem ongeldig gemaakt</source>
        <translation>Ballot voided</translation>
    </message>
    <message>
        <source>Stemregels vastgelegd</source>
        <translation>Voting rules fixed</translation>
    </message>
    <message>
        <source>Stemmende doelgroepen gewijzigd</source>
        <translation>Voting target groups changed</translation>
    </message>
    <message>
        <source>Een thema omzetten in een interventie</source>
        <translation>Turn a theme into an intervention</translation>
    </message>
    <message>
        <source>{n} thema&apos;s omzetten in interventies</source>
        <translation>Turn {n} themes into interventions</translation>
    </message>
    <message>
        <source>Omzetten in interventie: {name}</source>
        <translation>Turn into intervention: {name}</translation>
    </message>
    <message>
        <source>Interventie verwijderen: {name}</source>
        <translation>Delete intervention: {name}</translation>
    </message>
    <message>
        <source>Actieplan overnemen van {name}</source>
        <translation>Take over the action plan of {name}</translation>
    </message>
    <message>
        <source>Privacygrens wijzigen</source>
        <translation>Change privacy floor</translation>
    </message>
    <message>
        <source>Wijziging</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Interventie bewerken: titel</source>
        <translation>Edit intervention: title</translation>
    </message>
    <message>
        <source>Interventie bewerken: omschrijving</source>
        <translation>Edit intervention: description</translation>
    </message>
    <message>
        <source>Interventie bewerken: doelgroepen</source>
        <translation>Edit intervention: target groups</translation>
    </message>
    <message>
        <source>Interventie bewerken: periodiciteit</source>
        <translation>Edit intervention: periodicity</translation>
    </message>
    <message>
        <source>Interventie bewerken: locatie</source>
        <translation>Edit intervention: location</translation>
    </message>
    <message>
        <source>Interventie bewerken: eigenaar</source>
        <translation>Edit intervention: owner</translation>
    </message>
    <message>
        <source>Interventie bewerken: startdatum</source>
        <translation>Edit intervention: start date</translation>
    </message>
    <message>
        <source>Interventie bewerken: opvolgdatum</source>
        <translation>Edit intervention: follow-up date</translation>
    </message>
    <message>
        <source>Interventie bewerken: status</source>
        <translation>Edit intervention: status</translation>
    </message>
    <message>
        <source>Interventie bewerken: impact</source>
        <translation>Edit intervention: impact</translation>
    </message>
    <message>
        <source>Interventie bewerken: inspanning</source>
        <translation>Edit intervention: effort</translation>
    </message>
    <message>
        <source>Interventie bewerken: waarde voor de medewerker</source>
        <translation>Edit intervention: value for the employee</translation>
    </message>
    <message>
        <source>Interventie bewerken: waarde voor de organisatie</source>
        <translation>Edit intervention: value for the organisation</translation>
    </message>
    <message>
        <source>Interventie bewerken</source>
        <translation>Edit intervention</translation>
    </message>
    <message>
        <source>Titel wijzigen</source>
        <translation>Change title</translation>
    </message>
    <message>
        <source>Organisatie wijzigen</source>
        <translation>Change organisation</translation>
    </message>
    <message>
        <source>Datum wijzigen</source>
        <translation>Change date</translation>
    </message>
    <message>
        <source>Locatie wijzigen</source>
        <translation>Change location</translation>
    </message>
    <message>
        <source>Doel wijzigen</source>
        <translation>Change purpose</translation>
    </message>
    <message>
        <source>Taal wijzigen</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Stippen per deelnemer wijzigen</source>
        <translation>Change dots per participant</translation>
    </message>
    <message>
        <source>Hoogstens per item wijzigen</source>
        <translation>Change maximum per item</translation>
    </message>
    <message>
        <source>Stemmen op wijzigen</source>
        <translation>Change what is voted on</translation>
    </message>
    <message>
        <source>Sessie wijzigen</source>
        <translation>Change session</translation>
    </message>
    <message>
        <source>Doelgroep toevoegen</source>
        <translation>Add target group</translation>
    </message>
    <message>
        <source>Tafel toevoegen</source>
        <translation>Add table</translation>
    </message>
    <message>
        <source>{n} tafels toevoegen</source>
        <translation>Add {n} tables</translation>
    </message>
    <message>
        <source>Ronde toevoegen</source>
        <translation>Add round</translation>
    </message>
    <message>
        <source>Context toevoegen</source>
        <translation>Add context</translation>
    </message>
    <message>
        <source>Interventie toevoegen</source>
        <translation>Add intervention</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Doelgroep “{name}” wijzigen</source>
        <translation>Change target group “{name}”</translation>
    </message>
    <message>
        <source>Tafel “{name}” wijzigen</source>
        <translation>Change table “{name}”</translation>
    </message>
    <message>
        <source>Ronde wijzigen</source>
        <translation>Change round</translation>
    </message>
    <message>
        <source>Context “{name}” wijzigen</source>
        <translation>Change context “{name}”</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Doelgroep “{name}” verwijderen</source>
        <translation>Delete target group “{name}”</translation>
    </message>
    <message>
        <source>Tafel “{name}” verwijderen</source>
        <translation>Delete table “{name}”</translation>
    </message>
    <message>
        <source>Ronde verwijderen</source>
        <translation>Delete round</translation>
    </message>
    <message>
        <source>Context “{name}” verwijderen</source>
        <translation>Delete context “{name}”</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Volgorde van de doelgroepen wijzigen</source>
        <translation>Reorder target groups</translation>
    </message>
    <message>
        <source>Volgorde van de tafels wijzigen</source>
        <translation>Reorder tables</translation>
    </message>
    <message>
        <source>Volgorde van de rondes wijzigen</source>
        <translation>Reorder rounds</translation>
    </message>
    <message>
        <source>Volgorde van de thema&apos;s wijzigen</source>
        <translation>Reorder themes</translation>
    </message>
    <message>
        <source>Interventies herschikken</source>
        <translation>Reorder interventions</translation>
    </message>
    <message>
        <source>Volgorde van de context wijzigen</source>
        <translation>Reorder context</translation>
    </message>
    <message>
        <source>Volgorde wijzigen</source>
        <translation>Change order</translation>
    </message>
</context>
<context>
    <name>VotePage</name>
    <message>
        <source>Stemmen</source>
        <translation>Voting</translation>
    </message>
    <message>
        <source>&amp;Kiosk starten</source>
        <translation>Start &amp;kiosk</translation>
    </message>
    <message>
        <source>Opent het stemscherm over het hele scherm. Sluiten: Ctrl+Shift+Q.</source>
        <translation>Opens the voting screen in full screen. To close: Ctrl+Shift+Q.</translation>
    </message>
    <message>
        <source>L&amp;aatste stem ongeldig</source>
        <translation>Vo&amp;id last vote</translation>
    </message>
    <message>
        <source>Alleen voor de begeleider: de laatst uitgebrachte kioskstem telt niet mee.</source>
        <translation>Facilitator only: the last vote cast at the kiosk no longer counts.</translation>
    </message>
    <message>
        <source>Regels</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Turven</source>
        <translation>Tally</translation>
    </message>
    <message>
        <source>Uitslag</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Losse voorstellen</source>
        <translation>Individual proposals</translation>
    </message>
    <message>
        <source>Stemmen op</source>
        <translation>Vote on</translation>
    </message>
    <message>
        <source>Voorstel gebruiken</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <source>Stippen per deelnemer</source>
        <translation>Dots per participant</translation>
    </message>
    <message>
        <source>Hoogstens per onderwerp</source>
        <translation>Maximum per topic</translation>
    </message>
    <message>
        <source>Doelgroepen die stemmen</source>
        <translation>Target groups voting</translation>
    </message>
    <message>
        <source>Privacygrens (k)</source>
        <translation>Privacy threshold (k)</translation>
    </message>
    <message>
        <source>De regels liggen vast zolang de stemming open is.</source>
        <translation>The rules are fixed while voting is open.</translation>
    </message>
    <message>
        <source>● Stemming open</source>
        <translation>● Voting open</translation>
    </message>
    <message>
        <source>○ Stemming gesloten</source>
        <translation>○ Voting closed</translation>
    </message>
    <message>
        <source>Stemming &amp;sluiten</source>
        <translation>&amp;Close voting</translation>
    </message>
    <message>
        <source>Stemming &amp;openen</source>
        <translation>&amp;Open voting</translation>
    </message>
    <message>
        <source>Uitslag &amp;verbergen</source>
        <translation>&amp;Hide result</translation>
    </message>
    <message>
        <source>&amp;Uitslag onthullen</source>
        <translation>&amp;Reveal result</translation>
    </message>
    <message>
        <source>thema&apos;s</source>
        <translation>themes</translation>
    </message>
    <message>
        <source>voorstellen</source>
        <translation>proposals</translation>
    </message>
    <message>
        <source>De stemming is open: de {what} liggen vast. Voeg niets toe en verwijder niets tot je de stemming sluit.</source>
        <translation>Voting is open: the {what} are fixed. Do not add or delete anything until you close the vote.</translation>
    </message>
    <message>
        <source>Er zijn {count} onderwerpen. Boven de 12 raken de stippen versnipperd: voeg thema&apos;s samen of kies de belangrijkste.</source>
        <translation>There are {count} topics. Above 12 the dots get spread too thinly: merge themes or pick the most important ones.</translation>
    </message>
    <message>
        <source>Nog niets om op te stemmen: maak eerst thema&apos;s in stap 3 Clusteren.</source>
        <translation>Nothing to vote on yet: create themes first in step 3 Clustering.</translation>
    </message>
    <message>
        <source>Nog geen voorstellen om op te stemmen: vul eerst de rondes in.</source>
        <translation>No proposals to vote on yet: fill in the rounds first.</translation>
    </message>
    <message numerus="yes">
        <source>Voorstel: {dots} (ongeveer een derde van %n onderwerp(en))</source>
        <translation>
            <numerusform>Suggested: {dots} (about a third of %n item)</numerusform>
            <numerusform>Suggested: {dots} (about a third of %n items)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n deelnemer(s))</source>
        <translation>
            <numerusform>{name} (%n participant)</numerusform>
            <numerusform>{name} (%n participants)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{dots} (%n stembiljet(ten))</source>
        <translation>
            <numerusform>{dots} (%n ballot)</numerusform>
            <numerusform>{dots} (%n ballots)</numerusform>
        </translation>
    </message>
    <message>
        <source>Doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Uitgedeeld (× {dots})</source>
        <translation>Handed out (× {dots})</translation>
    </message>
    <message>
        <source>Op flappen</source>
        <translation>On flip charts</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Nog over</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Te veel</source>
        <translation>Too many</translation>
    </message>
    <message>
        <source>{group}: {over} stippen meer geteld dan uitgedeeld ({counted} van {handed}). Tel de flap na; er is niets weggestreept.</source>
        <translation>{group}: {over} more dots counted than handed out ({counted} of {handed}). Recount the flip chart; nothing has been crossed out.</translation>
    </message>
    <message>
        <source>De stemming is open. Start de kiosk of laat de zaal stickers plakken.</source>
        <translation>Voting is open. Start the kiosk or let the room place their stickers.</translation>
    </message>
    <message>
        <source>De stemming is gesloten; de onderwerpen kunnen weer worden aangepast.</source>
        <translation>Voting is closed; the topics can be changed again.</translation>
    </message>
    <message>
        <source>De laatste kioskstem ({dots} stippen) telt niet meer mee. Ongedaan maken: Ctrl+Z.</source>
        <translation>The last kiosk vote ({dots} dots) no longer counts. To undo: Ctrl+Z.</translation>
    </message>
    <message>
        <source>Een doelgroep met minder stemmers dan dit wordt in de uitslag alleen samen met andere groepen getoond.</source>
        <translation>A target group with fewer voters than this is shown in the result only together with other groups.</translation>
    </message>
    <message>
        <source>De stemming is gesloten, zodat de uitslag niet meebeweegt met elke nieuwe stem. Weer stemmen: Stemming openen.</source>
        <translation>Voting is closed, so that the result does not move with every new vote. To vote again: Open voting.</translation>
    </message>
</context>
<context>
    <name>VotingView</name>
    <message>
        <source>Stemmen</source>
        <translation>Voting</translation>
    </message>
    <message numerus="yes">
        <source>Je hebt %n stip(pen).</source>
        <translation>
            <numerusform>You have %n dot.</numerusform>
            <numerusform>You have %n dots.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Geef hoogstens %n stip(pen) aan hetzelfde thema.</source>
        <translation>
            <numerusform>Give at most %n dot to the same theme.</numerusform>
            <numerusform>Give at most %n dots to the same theme.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Geef hoogstens %n stip(pen) aan hetzelfde voorstel.</source>
        <translation>
            <numerusform>Give at most %n dot to the same proposal.</numerusform>
            <numerusform>Give at most %n dots to the same proposal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zet je stippen bij wat jij het belangrijkst vindt.</source>
        <translation>Put your dots on what matters most to you.</translation>
    </message>
    <message>
        <source>Zet je stippen bij de voorstellen die jij het belangrijkst vindt.</source>
        <translation>Put your dots on the proposals that matter most to you.</translation>
    </message>
    <message>
        <source>Nog geen stembiljetten binnen</source>
        <translation>No ballots in yet</translation>
    </message>
    <message numerus="yes">
        <source>%n stembiljet(ten) binnen</source>
        <translation>
            <numerusform>%n ballot in</numerusform>
            <numerusform>%n ballots in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WallLayout</name>
    <message>
        <source>Tafel</source>
        <extracomment>The font size (px) at which text widths are measured once and then scaled.</extracomment>
        <translation>Table</translation>
    </message>
    <message>
        <source>{name} (vervolg)</source>
        <translation>{name} (continued)</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>Nog niet ingedeeld</source>
        <translation>Unsorted</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Voorstellen per thema</source>
        <translation>Proposals by theme</translation>
    </message>
    <message>
        <source>Voorstellen, ronde {n}</source>
        <translation>Proposals, round {n}</translation>
    </message>
    <message>
        <source>Voorstellen</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>1 voorstel</source>
        <translation>1 proposal</translation>
    </message>
    <message>
        <source>{n} voorstellen</source>
        <translation>{n} proposals</translation>
    </message>
    <message>
        <source>Hier verschijnen de voorstellen zodra de tafels ze invoeren.</source>
        <translation>The proposals appear here as soon as the tables enter them.</translation>
    </message>
    <message>
        <source>Hier verschijnen de voorstellen, per thema.</source>
        <translation>The proposals appear here, by theme.</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welkom</source>
        <translation>Welcome</translation>
    </message>
</context>
</TS>
