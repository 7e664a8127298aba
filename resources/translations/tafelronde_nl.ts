<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
<context>
    <name>HarvestPage</name>
    <message numerus="yes">
        <source>%n voorstel(len)</source>
        <translation>
            <numerusform>%n voorstel</numerusform>
            <numerusform>%n voorstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thema(&apos;s)</source>
        <translation>
            <numerusform>%n thema</numerusform>
            <numerusform>%n thema&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stip(pen)</source>
        <translation>
            <numerusform>%n stip</numerusform>
            <numerusform>%n stippen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interventie(s)</source>
        <translation>
            <numerusform>%n interventie</numerusform>
            <numerusform>%n interventies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n daarvan is/zijn overgenomen van een vorige sessie.</source>
        <translation>
            <numerusform>%n daarvan is overgenomen van een vorige sessie.</numerusform>
            <numerusform>%n daarvan zijn overgenomen van een vorige sessie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message numerus="yes">
        <source>%n bestand(en) samengevoegd, {m} geweigerd.</source>
        <translation>
            <numerusform>%n bestand samengevoegd, {m} geweigerd.</numerusform>
            <numerusform>%n bestanden samengevoegd, {m} geweigerd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskRow</name>
    <message numerus="yes">
        <source>%n stip(pen)</source>
        <translation>
            <numerusform>%n stip</numerusform>
            <numerusform>%n stippen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <source>Je hebt %n stip(pen). Je mag er hoogstens {cap} op één onderwerp zetten.</source>
        <translation>
            <numerusform>Je hebt %n stip. Je mag er hoogstens {cap} op één onderwerp zetten.</numerusform>
            <numerusform>Je hebt %n stippen. Je mag er hoogstens {cap} op één onderwerp zetten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Je hebt %n stip(pen). Verdeel ze zoals jij wilt.</source>
        <translation>
            <numerusform>Je hebt %n stip. Verdeel ze zoals jij wilt.</numerusform>
            <numerusform>Je hebt %n stippen. Verdeel ze zoals jij wilt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanSources</name>
    <message numerus="yes">
        <source>%n interventie(s) overgenomen van {title}.</source>
        <translation>
            <numerusform>%n interventie overgenomen van {title}.</numerusform>
            <numerusform>%n interventies overgenomen van {title}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposalSearch</name>
    <message numerus="yes">
        <source>Gevonden: %n voorstel(len)</source>
        <translation>
            <numerusform>Gevonden: %n voorstel</numerusform>
            <numerusform>Gevonden: %n voorstellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickPicker</name>
    <message numerus="yes">
        <source>%n kaart(en) naar…</source>
        <translation>
            <numerusform>%n kaart naar…</numerusform>
            <numerusform>%n kaarten naar…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadinessGate</name>
    <message numerus="yes">
        <source>%n voorstel(len) in geen thema: die komen niet op het stembiljet.</source>
        <translation>
            <numerusform>%n voorstel in geen thema: die komen niet op het stembiljet.</numerusform>
            <numerusform>%n voorstellen in geen thema: die komen niet op het stembiljet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsSection</name>
    <message numerus="yes">
        <source>⚠ Groepen verschillen sterk over %n onderwerp(en): de ene groep zet het in haar top, de andere in haar onderste derde. Bespreek dit voor het actieplan.</source>
        <translation>
            <numerusform>⚠ Groepen verschillen sterk over %n onderwerp: de ene groep zet het in haar top, de andere in haar onderste derde. Bespreek dit voor het actieplan.</numerusform>
            <numerusform>⚠ Groepen verschillen sterk over %n onderwerpen: de ene groep zet het in haar top, de andere in haar onderste derde. Bespreek dit voor het actieplan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n van de flappen</source>
        <translation>
            <numerusform>%n van de flappen</numerusform>
            <numerusform>%n van de flappen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{dots} uit %n stembiljet(ten) in de kiosk</source>
        <translation>
            <numerusform>{dots} uit %n stembiljet in de kiosk</numerusform>
            <numerusform>{dots} uit %n stembiljetten in de kiosk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stip(pen) in totaal</source>
        <translation>
            <numerusform>%n stip in totaal</numerusform>
            <numerusform>%n stippen in totaal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TallySection</name>
    <message numerus="yes">
        <source>Daarnaast %n stip(pen) geturfd per doelgroep.</source>
        <translation>
            <numerusform>Daarnaast %n stip geturfd per doelgroep.</numerusform>
            <numerusform>Daarnaast %n stippen geturfd per doelgroep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Daarnaast %n stip(pen) geturfd per tafel.</source>
        <translation>
            <numerusform>Daarnaast %n stip geturfd per tafel.</numerusform>
            <numerusform>Daarnaast %n stippen geturfd per tafel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetGroupEditor</name>
    <message numerus="yes">
        <source>{name} (%n deelnemer(s))</source>
        <translation>
            <numerusform>{name} (%n deelnemer)</numerusform>
            <numerusform>{name} (%n deelnemers)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemeActions</name>
    <message numerus="yes">
        <source>%n kaart(en) terug naar de bak</source>
        <translation>
            <numerusform>%n kaart terug naar de bak</numerusform>
            <numerusform>%n kaarten terug naar de bak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kaart(en) naar {theme}</source>
        <translation>
            <numerusform>%n kaart naar {theme}</numerusform>
            <numerusform>%n kaarten naar {theme}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemesPage</name>
    <message numerus="yes">
        <source>%n voorstel(len)</source>
        <translation>
            <numerusform>%n voorstel</numerusform>
            <numerusform>%n voorstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nog niet ingedeeld</source>
        <translation>
            <numerusform>%n nog niet ingedeeld</numerusform>
            <numerusform>%n nog niet ingedeeld</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thema(&apos;s)</source>
        <translation>
            <numerusform>%n thema</numerusform>
            <numerusform>%n thema&apos;s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotePage</name>
    <message numerus="yes">
        <source>Voorstel: {dots} (ongeveer een derde van %n onderwerp(en))</source>
        <translation>
            <numerusform>Voorstel: {dots} (ongeveer een derde van %n onderwerp)</numerusform>
            <numerusform>Voorstel: {dots} (ongeveer een derde van %n onderwerpen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n deelnemer(s))</source>
        <translation>
            <numerusform>{name} (%n deelnemer)</numerusform>
            <numerusform>{name} (%n deelnemers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{dots} (%n stembiljet(ten))</source>
        <translation>
            <numerusform>{dots} (%n stembiljet)</numerusform>
            <numerusform>{dots} (%n stembiljetten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotingView</name>
    <message numerus="yes">
        <source>Je hebt %n stip(pen).</source>
        <translation>
            <numerusform>Je hebt %n stip.</numerusform>
            <numerusform>Je hebt %n stippen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Geef hoogstens %n stip(pen) aan hetzelfde thema.</source>
        <translation>
            <numerusform>Geef hoogstens %n stip aan hetzelfde thema.</numerusform>
            <numerusform>Geef hoogstens %n stippen aan hetzelfde thema.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Geef hoogstens %n stip(pen) aan hetzelfde voorstel.</source>
        <translation>
            <numerusform>Geef hoogstens %n stip aan hetzelfde voorstel.</numerusform>
            <numerusform>Geef hoogstens %n stippen aan hetzelfde voorstel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stembiljet(ten) binnen</source>
        <translation>
            <numerusform>%n stembiljet binnen</numerusform>
            <numerusform>%n stembiljetten binnen</numerusform>
        </translation>
    </message>
</context>
</TS>
