<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>ApprovalGuard</name>
    <message>
        <source>This plan was approved by {0} ({1}). Changing it ({2}) withdraws that approval: the changed plan needs a supervisor&apos;s approval again before it is exported or released.</source>
        <translation>Cymeradwywyd y cynllun hwn gan {0} ({1}). Mae ei newid ({2}) yn tynnu&apos;r gymeradwyaeth honno&apos;n ôl: mae angen cymeradwyaeth goruchwyliwr eto ar y cynllun newydd cyn ei allforio neu ei ryddhau.</translation>
    </message>
    <message>
        <source>{0} asked a supervisor to approve this plan. Changing it ({1}) withdraws the request: ask again after your changes.</source>
        <translation>Gofynnodd {0} i oruchwyliwr gymeradwyo&apos;r cynllun hwn. Mae ei newid ({1}) yn tynnu&apos;r cais yn ôl: gofynnwch eto ar ôl eich newidiadau.</translation>
    </message>
    <message>
        <source>Make the change?</source>
        <translation>Gwneud y newid?</translation>
    </message>
    <message>
        <source>The approval will lapse</source>
        <translation>Bydd y gymeradwyaeth yn dod i ben</translation>
    </message>
    <message>
        <source>Undo or redo again to go back to the plan that was approved; its approval then holds again.</source>
        <translation>Dadwneud neu ailwneud eto i fynd yn ôl at y cynllun a gymeradwywyd; bydd ei gymeradwyaeth yn dal eto wedyn.</translation>
    </message>
    <message>
        <source>The approval lapsed</source>
        <translation>Daeth y gymeradwyaeth i ben</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <source>Carry decisions to this detection run</source>
        <translation>Cario penderfyniadau i&apos;r rhediad canfod hwn</translation>
    </message>
    <message>
        <source>This plan was made on another detection run (another preset, stride or model), where the same track number can be another person. Its decisions have been matched to the people of this run by where and when they appear. Ticked decisions are carried over; an unticked one leaves those people redacted. Review ranges checked before must be checked again.</source>
        <translation>Gwnaed y cynllun hwn mewn rhediad canfod arall (rhagosodiad, cam neu fodel arall), lle gall yr un rhif trac fod yn berson arall. Mae ei benderfyniadau wedi&apos;u paru â phobl y rhediad hwn yn ôl ble a phryd maen nhw&apos;n ymddangos. Caiff y penderfyniadau a diciwyd eu cario drosodd; mae un heb ei dicio yn gadael y bobl hynny wedi&apos;u cuddio. Rhaid gwirio eto&apos;r ystodau adolygu a wiriwyd o&apos;r blaen.</translation>
    </message>
    <message numerus="yes">
        <source>%n merge(s) of tracks that are one person are carried too.</source>
        <translation>
            <numerusform>Cyfuniadau o draciau sy&apos;n un person a gerir hefyd: %n.</numerusform>
            <numerusform>Cyfuniadau o draciau sy&apos;n un person a gerir hefyd: %n.</numerusform>
            <numerusform>Cyfuniadau o draciau sy&apos;n un person a gerir hefyd: %n.</numerusform>
            <numerusform>Cyfuniadau o draciau sy&apos;n un person a gerir hefyd: %n.</numerusform>
            <numerusform>Cyfuniadau o draciau sy&apos;n un person a gerir hefyd: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Penderfyniad</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Cynt</translation>
    </message>
    <message>
        <source>On this run</source>
        <translation>Yn y rhediad hwn</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Cyfatebiaeth</translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation>Cario drosodd</translation>
    </message>
    <message>
        <source>Keep visible</source>
        <translation>Cadw&apos;n weladwy</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Nid wyneb</translation>
    </message>
    <message>
        <source>Redact (the reason)</source>
        <translation>Cuddio (y rheswm)</translation>
    </message>
    <message>
        <source>person {0}, {1} – {2}</source>
        <translation>person {0}, {1} – {2}</translation>
    </message>
    <message>
        <source>person {0}</source>
        <translation>person {0}</translation>
    </message>
    <message>
        <source>{0} % of its frames</source>
        <translation>{0} % o&apos;i fframiau</translation>
    </message>
    <message>
        <source>{0} % of its frames; in {1} shots</source>
        <translation>{0} % o&apos;i fframiau; mewn {1} saethiad</translation>
    </message>
    <message>
        <source>not found: stays redacted</source>
        <translation>heb ei ganfod: yn aros wedi&apos;i guddio</translation>
    </message>
    <message>
        <source>Look at this person before carrying the decision: the match is weak or missing.</source>
        <translation>Edrychwch ar y person hwn cyn cario&apos;r penderfyniad: mae&apos;r gyfatebiaeth yn wan neu ar goll.</translation>
    </message>
    <message>
        <source>Look at this person before carrying the decision: the person decided about is matched in {0} shots of this edited clip, and on one side of a cut it may be someone else.</source>
        <translation>Edrychwch ar y person hwn cyn cario&apos;r penderfyniad: mae&apos;r person y penderfynwyd amdano yn cyfateb mewn {0} saethiad o&apos;r clip golygedig hwn, ac ar un ochr i doriad gall fod yn rhywun arall.</translation>
    </message>
</context>
<context>
    <name>CaseExportsBox</name>
    <message>
        <source>Exports</source>
        <translation>Allforiadau</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Footage</source>
        <translation>Ffilm</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Crëwyd</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Wedi&apos;i gymeradwyo</translation>
    </message>
    <message>
        <source>Zip</source>
        <translation>Zip</translation>
    </message>
    <message>
        <source>One .zip file instead of a folder</source>
        <translation>Un ffeil .zip yn lle ffolder</translation>
    </message>
    <message>
        <source>Make disclosure pack…</source>
        <translation>Creu pecyn datgelu…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop making the pack (nothing is left behind)</source>
        <translation>Rhoi&apos;r gorau i greu&apos;r pecyn (ni adewir dim ar ôl)</translation>
    </message>
    <message>
        <source>Working copy: never released</source>
        <translation>Copi gwaith: byth yn cael ei ryddhau</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Make the pack for the requester or the court: the redacted video, its manifest, the disclosure record (HTML and PDF), the case&apos;s audit extract and SHA256SUMS</source>
        <translation>Creu&apos;r pecyn ar gyfer y ceisydd neu&apos;r llys: y fideo â rhannau wedi&apos;u cuddio, ei faniffest, y cofnod datgelu (HTML a PDF), detholiad archwilio&apos;r achos a SHA256SUMS</translation>
    </message>
    <message>
        <source>Select an approved export: only exports of a plan a supervisor approved are packed</source>
        <translation>Dewiswch allforiad wedi&apos;i gymeradwyo: dim ond allforiadau o gynllun a gymeradwywyd gan oruchwyliwr sy&apos;n cael eu rhoi yn y pecyn</translation>
    </message>
    <message>
        <source>Folder for the disclosure pack</source>
        <translation>Ffolder ar gyfer y pecyn datgelu</translation>
    </message>
    <message>
        <source>Making the disclosure pack…</source>
        <translation>Wrthi&apos;n creu&apos;r pecyn datgelu…</translation>
    </message>
    <message>
        <source>Making the disclosure pack… {0}%</source>
        <translation>Wrthi&apos;n creu&apos;r pecyn datgelu… {0}%</translation>
    </message>
    <message>
        <source>Disclosure pack made: {0}</source>
        <translation>Crëwyd y pecyn datgelu: {0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Canslwyd.</translation>
    </message>
    <message>
        <source>No pack was made.</source>
        <translation>Ni chrëwyd pecyn.</translation>
    </message>
</context>
<context>
    <name>CaseLinks</name>
    <message>
        <source>Add to case…</source>
        <translation>Ychwanegu at achos…</translation>
    </message>
    <message>
        <source>Remove from case…</source>
        <translation>Tynnu o achos…</translation>
    </message>
    <message>
        <source>There is no other case to add it to.</source>
        <translation>Nid oes achos arall i&apos;w ychwanegu ato.</translation>
    </message>
    <message>
        <source>Add footage #{0} to case:</source>
        <translation>Ychwanegu ffilm #{0} at yr achos:</translation>
    </message>
    <message>
        <source>Footage #{0} is in no case.</source>
        <translation>Nid yw ffilm #{0} mewn unrhyw achos.</translation>
    </message>
    <message>
        <source>Remove footage #{0} from case:</source>
        <translation>Tynnu ffilm #{0} o&apos;r achos:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Footage #{0} added to case {1}.</source>
        <translation>Ychwanegwyd ffilm #{0} at achos {1}.</translation>
    </message>
    <message>
        <source>Footage #{0} removed from case {1}.</source>
        <translation>Tynnwyd ffilm #{0} o achos {1}.</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Received</source>
        <translation>Wedi&apos;i dderbyn</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Yn cael ei adolygu</translation>
    </message>
    <message>
        <source>Redacted</source>
        <translation>Cuddio wedi&apos;i gwblhau</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Yn aros am gymeradwyaeth</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Wedi&apos;i gymeradwyo</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Wedi&apos;i ryddhau</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Wedi&apos;i wrthod</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi&apos;i gau</translation>
    </message>
</context>
<context>
    <name>CaseType</name>
    <message>
        <source>FOI request</source>
        <translation>Cais Rhyddid Gwybodaeth</translation>
    </message>
    <message>
        <source>Subject access request</source>
        <translation>Cais gwrthrych am wybodaeth</translation>
    </message>
    <message>
        <source>Court exhibit</source>
        <translation>Arddangosyn llys</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Cwyn</translation>
    </message>
    <message>
        <source>Internal review</source>
        <translation>Adolygiad mewnol</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <source>New case…</source>
        <translation>Achos newydd…</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Dyddiad cau</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Amser ar ôl</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Dyddiad derbyn</translation>
    </message>
    <message>
        <source>Exemption</source>
        <translation>Eithriad</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Ceisydd</translation>
    </message>
    <message>
        <source>Personal data: keep it minimal; it is never written to the audit trail.</source>
        <translation>Data personol: cadwch gyn lleied â phosibl; ni chaiff byth ei gofnodi yn y trywydd archwilio.</translation>
    </message>
    <message>
        <source>Save requester</source>
        <translation>Cadw manylion y ceisydd</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Their reference</source>
        <translation>Eu cyfeirnod</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Move the case to</source>
        <translation>Symud yr achos i</translation>
    </message>
    <message>
        <source>The deadline has passed</source>
        <translation>Mae&apos;r dyddiad cau wedi mynd heibio</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n overdue</source>
        <translation>
            <numerusform>, %n yn hwyr</numerusform>
            <numerusform>, %n yn hwyr</numerusform>
            <numerusform>, %n yn hwyr</numerusform>
            <numerusform>, %n yn hwyr</numerusform>
            <numerusform>, %n yn hwyr</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>%n diwrnod yn hwyr</numerusform>
            <numerusform>%n diwrnod yn hwyr</numerusform>
            <numerusform>%n diwrnod yn hwyr</numerusform>
            <numerusform>%n diwrnod yn hwyr</numerusform>
            <numerusform>%n diwrnod yn hwyr</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Dyddiad cau heddiw</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
        </translation>
    </message>
    <message>
        <source>None set</source>
        <translation>Dim wedi&apos;i osod</translation>
    </message>
    <message>
        <source>Extended: {0}</source>
        <translation>Estynnwyd: {0}</translation>
    </message>
    <message>
        <source>Asks for the reason (recorded)</source>
        <translation>Yn gofyn am y rheswm (cofnodir)</translation>
    </message>
    <message>
        <source>Asks for an optional note (recorded)</source>
        <translation>Yn gofyn am nodyn dewisol (cofnodir)</translation>
    </message>
    <message>
        <source>Why does case {0} go to “{1}”? (recorded in the audit trail)</source>
        <translation>Pam mae achos {0} yn symud i “{1}”? (cofnodir yn y trywydd archwilio)</translation>
    </message>
    <message>
        <source>Note on moving case {0} to “{1}” (optional, recorded):</source>
        <translation>Nodyn ar symud achos {0} i “{1}” (dewisol, cofnodir):</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Statws yr achos</translation>
    </message>
    <message>
        <source>Refuse the request</source>
        <translation>Gwrthod y cais</translation>
    </message>
    <message>
        <source>Exemption relied on (e.g. FOI s.40(2) personal information):</source>
        <translation>Yr eithriad y dibynnir arno (e.e. Rhyddid Gwybodaeth a.40(2) gwybodaeth bersonol):</translation>
    </message>
    <message>
        <source>Another case was selected; case {0} was not changed.</source>
        <translation>Dewiswyd achos arall; ni newidiwyd achos {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%n footage item(s) linked to case {0}.</source>
        <translation>
            <numerusform>%n eitem ffilm wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem ffilm wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem ffilm wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem ffilm wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem ffilm wedi&apos;u cysylltu ag achos {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case {0} had already moved to “{1}” since the list was shown, so your change was not made. The list has been reloaded: check it and choose again.</source>
        <translation>Roedd achos {0} eisoes wedi symud i “{1}” ers i&apos;r rhestr gael ei dangos, felly ni wnaed eich newid. Mae&apos;r rhestr wedi&apos;i hail-lwytho: gwiriwch hi a dewiswch eto.</translation>
    </message>
    <message>
        <source>Case {0} is now “{1}”.</source>
        <translation>Statws achos {0} bellach yw “{1}”.</translation>
    </message>
    <message>
        <source>Requester details of case {0} saved.</source>
        <translation>Cadwyd manylion ceisydd achos {0}.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>see footage</source>
        <translation>weld ffilm</translation>
    </message>
    <message>
        <source>Stride {stride} is out of range: detect on at least one frame per second (1 to {limit} for this footage).</source>
        <translation>Mae&apos;r cam {stride} y tu allan i&apos;r ystod: canfyddwch ar o leiaf un ffrâm yr eiliad (1 i {limit} ar gyfer y ffilm hon).</translation>
    </message>
    <message>
        <source>{path}: the original of footage #{number} is missing.</source>
        <translation>{path}: mae gwreiddiol ffilm #{number} ar goll.</translation>
    </message>
    <message>
        <source>Footage #{number} has no stored detection run for the {preset} preset.</source>
        <translation>Nid oes gan ffilm #{number} rediad canfod wedi&apos;i storio ar gyfer y rhagosodiad {preset}.</translation>
    </message>
    <message>
        <source>detect faces</source>
        <translation>ganfod wynebau</translation>
    </message>
    <message>
        <source>{path}: decoded {decoded} frames but {recorded} were recorded at ingest. Either the file has changed (verify it), or an older version of this program counted its frames otherwise: then describe the footage again.</source>
        <translation>{path}: datgodiwyd {decoded} ffrâm ond cofnodwyd {recorded} wrth fewnforio. Naill ai mae&apos;r ffeil wedi newid (gwiriwch hi), neu cyfrifodd fersiwn hŷn o&apos;r rhaglen hon ei fframiau&apos;n wahanol: os felly, disgrifiwch y ffilm eto.</translation>
    </message>
    <message>
        <source>move cases on</source>
        <translation>symud achosion ymlaen</translation>
    </message>
    <message>
        <source>send cases back</source>
        <translation>anfon achosion yn ôl</translation>
    </message>
    <message>
        <source>refuse a request</source>
        <translation>wrthod cais</translation>
    </message>
    <message>
        <source>close an unanswered case</source>
        <translation>gau achos heb ei ateb</translation>
    </message>
    <message>
        <source>reopen a case</source>
        <translation>ailagor achos</translation>
    </message>
    <message>
        <source>ask for approval</source>
        <translation>ofyn am gymeradwyaeth</translation>
    </message>
    <message>
        <source>approve a case</source>
        <translation>gymeradwyo achos</translation>
    </message>
    <message>
        <source>release footage</source>
        <translation>ryddhau ffilm</translation>
    </message>
    <message>
        <source>The check of export #{export_id} still saw {count} face(s) or text region(s) after the plan was approved, and no supervisor has answered that; send the case back to review and approve it again, answering it (or fix the plan and export again).</source>
        <translation>Roedd gwiriad allforiad #{export_id} yn dal i weld {count} wyneb neu ranbarth testun ar ôl i&apos;r cynllun gael ei gymeradwyo, ac nid oes goruchwyliwr wedi ateb hynny; anfonwch yr achos yn ôl i&apos;w adolygu a&apos;i gymeradwyo eto, gan ei ateb (neu cywirwch y cynllun ac allforio eto).</translation>
    </message>
    <message>
        <source>Export #{export_id} was made without the check for faces left visible, after the plan was approved, and no supervisor has answered that; export it again with the check on, or send the case back to review and approve it again, answering it.</source>
        <translation>Gwnaed allforiad #{export_id} heb y gwiriad am wynebau a adawyd yn y golwg, ar ôl i&apos;r cynllun gael ei gymeradwyo, ac nid oes goruchwyliwr wedi ateb hynny; allforiwch ef eto gyda&apos;r gwiriad ymlaen, neu anfonwch yr achos yn ôl i&apos;w adolygu a&apos;i gymeradwyo eto, gan ateb hynny.</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statws</translation>
    </message>
    <message>
        <source>Case {reference} is {value}; it cannot go to {value2} (allowed: {options}).</source>
        <translation>Mae gan achos {reference} y statws “{value}”; ni all fynd i “{value2}” (a ganiateir: {options}).</translation>
    </message>
    <message>
        <source>Say why case {reference} goes from {value} to {value2} (it is recorded).</source>
        <translation>Dywedwch pam mae achos {reference} yn mynd o “{value}” i “{value2}” (caiff ei gofnodi).</translation>
    </message>
    <message>
        <source>A refusal needs the exemption relied on, e.g. &apos;FOI s.40(2) personal information&apos;.</source>
        <translation>Mae angen yr eithriad y dibynnir arno ar gyfer gwrthod, e.e. &apos;FOI s.40(2) gwybodaeth bersonol&apos;.</translation>
    </message>
    <message>
        <source>Case {reference} has no redaction plan yet; redact its footage first.</source>
        <translation>Nid oes gan achos {reference} gynllun golygu eto; golygwch ei ffilm yn gyntaf.</translation>
    </message>
    <message>
        <source>A redaction plan of case {reference} changed while you were reading it, so nothing was approved. Open the approval again to read it as it is now.</source>
        <translation>Newidiodd cynllun golygu achos {reference} tra oeddech yn ei ddarllen, felly ni chymeradwywyd dim. Agorwch y gymeradwyaeth eto i&apos;w ddarllen fel y mae nawr.</translation>
    </message>
    <message>
        <source>Case {reference} has no export of an approved plan; export the approved redaction first.</source>
        <translation>Nid oes gan achos {reference} allforiad o gynllun wedi&apos;i gymeradwyo; allforiwch y golygiad a gymeradwywyd yn gyntaf.</translation>
    </message>
    <message>
        <source>Unknown {what} {value!r}: use one of {names}.</source>
        <translation>Gwerth anhysbys ar gyfer {what}: {value!r}; defnyddiwch un o {names}.</translation>
    </message>
    <message>
        <source>received</source>
        <translation>wedi&apos;i dderbyn</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>yn cael ei adolygu</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>cuddio wedi&apos;i gwblhau</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>yn aros am gymeradwyaeth</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>wedi&apos;i gymeradwyo</translation>
    </message>
    <message>
        <source>released</source>
        <translation>wedi&apos;i ryddhau</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>wedi&apos;i wrthod</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>wedi&apos;i gau</translation>
    </message>
    <message>
        <source>No case with reference {reference!r}.</source>
        <translation>Dim achos â&apos;r cyfeirnod {reference!r}.</translation>
    </message>
    <message>
        <source>create cases</source>
        <translation>greu achosion</translation>
    </message>
    <message>
        <source>A case needs a reference.</source>
        <translation>Mae angen cyfeirnod ar achos.</translation>
    </message>
    <message>
        <source>A case reference is at most 64 characters and a title 256.</source>
        <translation>Mae cyfeirnod achos yn 64 nod ar y mwyaf a theitl yn 256.</translation>
    </message>
    <message>
        <source>A case with reference {reference!r} already exists.</source>
        <translation>Mae achos â&apos;r cyfeirnod {reference!r} yn bodoli eisoes.</translation>
    </message>
    <message>
        <source>case type</source>
        <translation>math o achos</translation>
    </message>
    <message>
        <source>A request cannot be received after today: {day} is in the future.</source>
        <translation>Ni ellir derbyn cais ar ôl heddiw: mae {day} yn y dyfodol.</translation>
    </message>
    <message>
        <source>edit cases</source>
        <translation>olygu achosion</translation>
    </message>
    <message>
        <source>A case title is at most 256 characters.</source>
        <translation>Mae teitl achos yn 256 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>extend deadlines</source>
        <translation>estyn dyddiadau cau</translation>
    </message>
    <message>
        <source>Only a subject access request can be extended.</source>
        <translation>Dim ond cais gwrthrych am wybodaeth y gellir ei estyn.</translation>
    </message>
    <message>
        <source>Case {reference} was already extended: {extension_reason}</source>
        <translation>Estynnwyd achos {reference} eisoes: {extension_reason}</translation>
    </message>
    <message>
        <source>Give the reason for the extension (it is recorded).</source>
        <translation>Rhowch y rheswm dros yr estyniad (caiff ei gofnodi).</translation>
    </message>
    <message>
        <source>The requester details of case {reference} were changed elsewhere since they were shown here; yours were not saved. Select the case again to see them, then make your change.</source>
        <translation>Newidiwyd manylion ceisydd achos {reference} mewn man arall ers eu dangos yma; ni chadwyd eich rhai chi. Dewiswch yr achos eto i&apos;w gweld, yna gwnewch eich newid.</translation>
    </message>
    <message>
        <source>save the names to find in speech</source>
        <translation>cadw&apos;r enwau i chwilio amdanynt mewn lleferydd</translation>
    </message>
    <message>
        <source>The names to find of case {reference} were changed elsewhere since they were read here; these were not kept. Open the footage again to see them, then type yours.</source>
        <translation>Newidiwyd yr enwau i&apos;w canfod yn achos {reference} mewn man arall ers eu darllen yma; ni chadwyd y rhain. Agorwch y ffilm eto i&apos;w gweld, yna teipiwch eich rhai chi.</translation>
    </message>
    <message>
        <source>A name to find is at most {limit} characters.</source>
        <translation>Mae enw i chwilio amdano yn {limit} nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>A case keeps at most {limit} names to find besides the requester&apos;s.</source>
        <translation>Mae achos yn cadw {limit} enw i chwilio amdanynt ar y mwyaf heblaw enw&apos;r ceisydd.</translation>
    </message>
    <message>
        <source>link footage to cases</source>
        <translation>gysylltu ffilm ag achosion</translation>
    </message>
    <message>
        <source>No footage #{footage_id}.</source>
        <translation>Dim ffilm #{footage_id}.</translation>
    </message>
    <message>
        <source>Footage #{footage_id} was deleted under the retention policy; only its record remains.</source>
        <translation>Dilëwyd ffilm #{footage_id} o dan y polisi cadw; dim ond ei chofnod sy&apos;n weddill.</translation>
    </message>
    <message>
        <source>take footage out of cases</source>
        <translation>dynnu ffilm allan o achosion</translation>
    </message>
    <message>
        <source>Case {reference} is {value}; its footage is part of its record.</source>
        <translation>Mae gan achos {reference} y statws “{value}”; mae ei ffilm yn rhan o&apos;i gofnod.</translation>
    </message>
    <message>
        <source>Case {reference} has a redaction plan or an export of footage #{footage_id}; it stays in the case&apos;s record.</source>
        <translation>Mae gan achos {reference} gynllun golygu neu allforiad o ffilm #{footage_id}; mae&apos;n aros yng nghofnod yr achos.</translation>
    </message>
    <message>
        <source>edit requester details</source>
        <translation>olygu manylion y ceisydd</translation>
    </message>
    <message>
        <source>The {value} is at most {limit} characters.</source>
        <translation>Mae&apos;r {value} yn {limit} nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>Case {reference} is {value}; reopen it before changing its redaction.</source>
        <translation>Mae gan achos {reference} y statws “{value}”; ailagorwch ef cyn newid ei olygiad.</translation>
    </message>
    <message>
        <source>{src}: the {what} recorded for this export is missing.</source>
        <translation>{src}: mae&apos;r {what} a gofnodwyd ar gyfer yr allforiad hwn ar goll.</translation>
    </message>
    <message>
        <source>{dst}: cannot write the pack ({value}).</source>
        <translation>{dst}: methu ysgrifennu&apos;r pecyn ({value}).</translation>
    </message>
    <message>
        <source>{src}: the {what} no longer matches the SHA-256 recorded when it was exported; it is not packed (export it again).</source>
        <translation>{src}: nid yw&apos;r {what} yn cyfateb mwyach i&apos;r SHA-256 a gofnodwyd pan gafodd ei allforio; nid yw&apos;n cael ei bacio (allforiwch ef eto).</translation>
    </message>
    <message>
        <source>No export #{export_id}.</source>
        <translation>Dim allforiad #{export_id}.</translation>
    </message>
    <message>
        <source>Export #{export_id} was made without a case; a disclosure pack is made for a case (export it from the case).</source>
        <translation>Gwnaed allforiad #{export_id} heb achos; gwneir pecyn datgelu ar gyfer achos (allforiwch ef o&apos;r achos).</translation>
    </message>
    <message>
        <source>Export #{export_id} is a working copy made by a batch job from a plan nobody reviewed (every frame says so); review the footage, have the plan approved, export it again and pack that.</source>
        <translation>Mae allforyn #{export_id} yn gopi gwaith a wnaed gan swydd swp o gynllun nad adolygodd neb (mae pob ffrâm yn dweud hynny); adolygwch y ffilm, cael cymeradwyo&apos;r cynllun, ei allforio eto a phecynnu hwnnw.</translation>
    </message>
    <message>
        <source>Case {reference} is {value}: its exports are packed only while the case is approved (it was sent back to review, or is not approved yet).</source>
        <translation>Mae gan achos {reference} y statws “{value}”: dim ond tra bo&apos;r achos wedi&apos;i gymeradwyo y caiff ei allforion eu pecynnu (fe&apos;i hanfonwyd yn ôl i&apos;w adolygu, neu nid yw wedi&apos;i gymeradwyo eto).</translation>
    </message>
    <message>
        <source>Export #{export_id} was made from a redaction plan no supervisor approved (state: {value}); only approved exports are released.</source>
        <translation>Gwnaed allforiad #{export_id} o gynllun golygu na chymeradwyodd unrhyw oruchwyliwr (cyflwr: {value}); dim ond allforion a gymeradwywyd a ryddheir.</translation>
    </message>
    <message>
        <source>Export #{export_id} was made from a plan that has been changed since (the approval lapsed with the edit); export the current, approved plan and pack that.</source>
        <translation>Gwnaed allforiad #{export_id} o gynllun sydd wedi newid ers hynny (daeth y gymeradwyaeth i ben gyda&apos;r newid); allforiwch y cynllun presennol, a gymeradwywyd, a phaciwch hwnnw.</translation>
    </message>
    <message>
        <source>make a disclosure pack</source>
        <translation>greu pecyn datgelu</translation>
    </message>
    <message>
        <source>{out_dir}: the folder for the pack does not exist.</source>
        <translation>{out_dir}: nid yw&apos;r ffolder ar gyfer y pecyn yn bodoli.</translation>
    </message>
    <message>
        <source>{final} already exists; choose another folder.</source>
        <translation>Mae {final} yn bodoli eisoes; dewiswch ffolder arall.</translation>
    </message>
    <message>
        <source>{out_dir}: cannot write the pack ({value}).</source>
        <translation>{out_dir}: methu ysgrifennu&apos;r pecyn ({value}).</translation>
    </message>
    <message>
        <source>{path}: the original is missing.</source>
        <translation>{path}: mae&apos;r gwreiddiol ar goll.</translation>
    </message>
    <message>
        <source>{path}: the original no longer matches the SHA-256 recorded at ingest; it will not be exported (verify the originals to see which changed).</source>
        <translation>{path}: nid yw&apos;r gwreiddiol yn cyfateb mwyach i&apos;r SHA-256 a gofnodwyd wrth fewnforio; ni fydd yn cael ei allforio (gwiriwch y gwreiddiolion i weld pa rai a newidiodd).</translation>
    </message>
    <message>
        <source>{path}: an export of this name was interrupted after it was recorded; it has been finished now, with its manifest and audit extract beside it; choose another name, or replace it.</source>
        <translation>{path}: torrwyd ar draws allforiad o&apos;r enw hwn ar ôl ei gofnodi; mae wedi&apos;i orffen yn awr, gyda&apos;i faniffest a&apos;i ddyfyniad archwilio wrth ei ochr; dewiswch enw arall, neu disodlwch ef.</translation>
    </message>
    <message>
        <source>{path}: an export is an MP4 file; give a name ending in .mp4.</source>
        <translation>{path}: ffeil MP4 yw allforiad; rhowch enw sy&apos;n gorffen gyda .mp4.</translation>
    </message>
    <message>
        <source>{by} rejected this redaction plan ({at}): &quot;{note}&quot;. Change it as asked, then ask for approval again.</source>
        <translation>Gwrthododd {by} y cynllun golygu hwn ({at}): &quot;{note}&quot;. Newidiwch ef fel y gofynnwyd, yna gofynnwch am gymeradwyaeth eto.</translation>
    </message>
    <message>
        <source>This plan&apos;s track numbers and reviews belong to another detection run (another preset, stride or model, or a preset re-tuned by an update of BWV Studio), where the same number can be another person. Use that preset, or choose the people again on the {preset} run.</source>
        <translation>Mae rhifau traciau ac adolygiadau&apos;r cynllun hwn yn perthyn i rediad canfod arall (rhagosodiad, cam neu fodel arall, neu ragosodiad a aildiwniwyd gan ddiweddariad o BWV Studio), lle gall yr un rhif fod yn berson arall. Defnyddiwch y rhagosodiad hwnnw, neu dewiswch y bobl eto ar y rhediad {preset}.</translation>
    </message>
    <message>
        <source>This plan was made on a detection run by an earlier version of BWV Studio&apos;s detector; this version detects the footage again, and its track numbers can be other people there. Open the footage in the workspace and carry the decisions over to the new run&apos;s people (you confirm each one), or choose the people again.</source>
        <translation>Gwnaed y cynllun hwn ar rediad canfod gan fersiwn gynharach o synhwyrydd BWV Studio; mae&apos;r fersiwn hon yn canfod y ffilm eto, a gall ei rhifau traciau fod yn bobl eraill yno. Agorwch y ffilm yn y gweithle a chariwch y penderfyniadau drosodd i bobl y rhediad newydd (rydych yn cadarnhau pob un), neu dewiswch y bobl eto.</translation>
    </message>
    <message>
        <source>This plan&apos;s track numbers belong to tracks built otherwise from this detection run&apos;s settings (by another version of BWV Studio, or from an earlier detection of this footage), so the same number can be another person here. Open the footage in the workspace: its decisions are carried over where the tracks they were made on can still be built (you confirm each one); else choose the people again.</source>
        <translation>Mae rhifau traciau&apos;r cynllun hwn yn perthyn i draciau a adeiladwyd yn wahanol o osodiadau&apos;r rhediad canfod hwn (gan fersiwn arall o BWV Studio, neu o ganfod cynharach o&apos;r ffilm hon), felly gall yr un rhif fod yn berson arall yma. Agorwch y ffilm yn y gweithle: caiff ei benderfyniadau eu cario drosodd lle gellir adeiladu&apos;r traciau y gwnaed hwy arnynt o hyd (rydych yn cadarnhau pob un); fel arall dewiswch y bobl eto.</translation>
    </message>
    <message>
        <source>No track(s) {missing} in this footage; it has tracks {tracks}.</source>
        <translation>Dim trac(iau) {missing} yn y ffilm hon; mae ganddi draciau {tracks}.</translation>
    </message>
    <message>
        <source>Footage #{number} has a saved plan that {by} approved on {at}, and this plan is another: saving it withdraws that approval. Say so to save it anyway, or export the approved plan.</source>
        <translation>Mae gan ffilm #{number} gynllun wedi&apos;i gadw a gymeradwywyd gan {by} ar {at}, ac mae&apos;r cynllun hwn yn un arall: mae ei gadw&apos;n tynnu&apos;r gymeradwyaeth honno&apos;n ôl. Dywedwch hynny i&apos;w gadw beth bynnag, neu allforiwch y cynllun a gymeradwywyd.</translation>
    </message>
    <message>
        <source>Footage #{number} has a saved plan whose approval {by} asked for on {at}, and this plan is another: saving it withdraws that request. Say so to save it anyway.</source>
        <translation>Mae gan ffilm #{number} gynllun wedi&apos;i gadw y gofynnodd {by} am ei gymeradwyo ar {at}, ac mae&apos;r cynllun hwn yn un arall: mae ei gadw&apos;n tynnu&apos;r cais hwnnw&apos;n ôl. Dywedwch hynny i&apos;w gadw beth bynnag.</translation>
    </message>
    <message>
        <source>Footage #{number} has a saved plan, last changed by {by} on {at}, and this plan is another: saving it replaces that plan and its choices. Say so to replace it.</source>
        <translation>Mae gan ffilm #{number} gynllun wedi&apos;i gadw, a newidiwyd ddiwethaf gan {by} ar {at}, ac mae&apos;r cynllun hwn yn un arall: mae ei gadw&apos;n disodli&apos;r cynllun hwnnw a&apos;i ddewisiadau. Dywedwch hynny i&apos;w ddisodli.</translation>
    </message>
    <message>
        <source>This redaction plan needs a supervisor&apos;s approval before it is exported (state: {state}). Any edit after an approval needs a new one.</source>
        <translation>Mae angen cymeradwyaeth goruchwyliwr ar y cynllun golygu hwn cyn ei allforio (cyflwr: {state}). Mae angen cymeradwyaeth newydd ar ôl unrhyw newid wedi cymeradwyaeth.</translation>
    </message>
    <message>
        <source>The box {label} drawn by hand lies outside the footage (on none of its {frames} frames, or off the picture), so it would hide nothing; check its frames and place.</source>
        <translation>Mae&apos;r blwch {label} a luniwyd â llaw y tu allan i&apos;r ffilm (ar ddim un o&apos;i {frames} ffrâm, neu oddi ar y llun), felly ni fyddai&apos;n cuddio dim; gwiriwch ei fframiau a&apos;i le.</translation>
    </message>
    <message>
        <source>Footage #{number} is not in case {reference}: add it to the case first, so the case&apos;s retention keeps it while the case is open and the export is listed with its footage.</source>
        <translation>Nid yw ffilm #{number} yn achos {reference}: ychwanegwch hi at yr achos yn gyntaf, fel bod cadw&apos;r achos yn ei chadw tra bo&apos;r achos ar agor a bod yr allforiad wedi&apos;i restru gyda&apos;i ffilm.</translation>
    </message>
    <message>
        <source>This redaction plan needs a supervisor&apos;s approval, but faces have not been detected on it yet, and an export binds the plan to its detection (a new plan, which no one approved). Detect faces first, then ask for approval of that plan.</source>
        <translation>Mae angen cymeradwyaeth goruchwyliwr ar y cynllun cuddio hwn, ond nid yw wynebau wedi&apos;u canfod arno eto, ac mae allforiad yn rhwymo&apos;r cynllun wrth ei ganfod (cynllun newydd, na chymeradwyodd neb). Canfyddwch wynebau yn gyntaf, yna gofynnwch am gymeradwyaeth i&apos;r cynllun hwnnw.</translation>
    </message>
    <message>
        <source>The approval this export needs or names lapsed while it was being made (the plan is now: {state}, or the store&apos;s rule changed); nothing was recorded. Export again once it is approved.</source>
        <translation>Daeth y gymeradwyaeth y mae&apos;r allforiad hwn ei hangen neu&apos;n ei henwi i ben tra oedd yn cael ei wneud (mae&apos;r cynllun bellach: {state}, neu newidiodd rheol y storfa); ni chofnodwyd dim. Allforiwch eto pan fydd wedi&apos;i gymeradwyo.</translation>
    </message>
    <message>
        <source>This plan was approved, but the footage&apos;s plan has been changed since; an export does not bring an older plan back, nor its approval. Export the current plan once it is approved, or go back to the approved plan in the workspace (undo asks first).</source>
        <translation>Cymeradwywyd y cynllun hwn, ond mae cynllun y ffilm wedi newid ers hynny; nid yw allforio yn dod â chynllun hŷn yn ôl, na&apos;i gymeradwyaeth. Allforiwch y cynllun presennol unwaith y caiff ei gymeradwyo, neu ewch yn ôl at y cynllun a gymeradwywyd yn y gweithle (mae dadwneud yn gofyn yn gyntaf).</translation>
    </message>
    <message>
        <source>The caption {caption!r} has an unknown field ({field}); use {{case}}, {{date}} and {{time}}.</source>
        <translation>Mae gan y capsiwn {caption!r} faes anhysbys ({field}); defnyddiwch {{case}}, {{date}} a {{time}}.</translation>
    </message>
    <message>
        <source>The plan hides whole people, but preset {preset} does not look for people: choose a preset that does (balanced, the default, or thorough).</source>
        <translation>Mae&apos;r cynllun yn cuddio pobl gyfan, ond nid yw rhagosodiad {preset} yn chwilio am bobl: dewiswch ragosodiad sy&apos;n gwneud hynny (balanced, y rhagosodedig, neu thorough).</translation>
    </message>
    <message>
        <source>make working copies</source>
        <translation>gwneud copïau gwaith</translation>
    </message>
    <message>
        <source>export footage</source>
        <translation>allforio ffilm</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name, or replace the earlier export.</source>
        <translation>Mae {path} yn bodoli eisoes; dewiswch enw arall, neu disodli&apos;r allforiad cynharach.</translation>
    </message>
    <message>
        <source>{path}: the output folder does not exist.</source>
        <translation>{path}: nid yw&apos;r ffolder allbwn yn bodoli.</translation>
    </message>
    <message>
        <source>{path} is the original; an export never overwrites it.</source>
        <translation>{path} yw&apos;r gwreiddiol; nid yw allforiad byth yn ysgrifennu drosto.</translation>
    </message>
    <message>
        <source>{path}: cannot write the export ({why}).</source>
        <translation>{path}: methu ysgrifennu&apos;r allforiad ({why}).</translation>
    </message>
    <message>
        <source>{out}: the export of {source} failed ({exc}).</source>
        <translation>{out}: methodd allforio {source} ({exc}).</translation>
    </message>
    <message>
        <source>{source}: the clip range {start_s:g}-{end_s:g} s contains no frames of this footage.</source>
        <translation>{source}: nid oes unrhyw ffrâm o&apos;r ffilm hon yn yr ystod clip {start_s:g}-{end_s:g} e.</translation>
    </message>
    <message>
        <source>{source}: only {frames_out} of {frames_in_clip} frames (of {total} expected) could be exported; the original may be damaged.</source>
        <translation>{source}: dim ond {frames_out} o {frames_in_clip} ffrâm (o&apos;r {total} a ddisgwylid) y gellid eu hallforio; efallai fod y gwreiddiol wedi&apos;i ddifrodi.</translation>
    </message>
    <message>
        <source>The plan hides sound on audio track {tracks}, which this recording does not have (it has {count}); nothing would be hidden there. Put the ranges on the track the words are said on.</source>
        <translation>Mae&apos;r cynllun yn cuddio sain ar drac sain {tracks}, nad oes gan y recordiad hwn (mae ganddo {count}); ni fyddai dim yn cael ei guddio yno. Rhowch yr ystodau ar y trac lle dywedir y geiriau.</translation>
    </message>
    <message>
        <source>The plan hides sound from {start_s:g} s on audio track {track}, but its sound ends at {end_s:g} s; nothing would be hidden there. Check the range&apos;s times.</source>
        <translation>Mae&apos;r cynllun yn cuddio sain o {start_s:g} e ar drac sain {track}, ond mae ei sain yn gorffen am {end_s:g} e; ni fyddai dim yn cael ei guddio yno. Gwiriwch amseroedd yr ystod.</translation>
    </message>
    <message>
        <source>The plan hides sound up to {end_s:g} s on audio track {track}, but its sound starts at {start_s:g} s (the recording&apos;s clock does not start at 0); nothing would be hidden there. Check the range&apos;s times.</source>
        <translation>Mae&apos;r cynllun yn cuddio sain hyd at {end_s:g} e ar drac sain {track}, ond mae ei sain yn dechrau am {start_s:g} e (nid yw cloc y recordiad yn dechrau am 0); ni fyddai dim yn cael ei guddio yno. Gwiriwch amseroedd yr ystod.</translation>
    </message>
    <message>
        <source>You have no signing key yet: set your password first (&apos;bwv user passwd&apos;).</source>
        <translation>Nid oes gennych allwedd llofnodi eto: gosodwch eich cyfrinair yn gyntaf (&apos;bwv user passwd&apos;).</translation>
    </message>
    <message>
        <source>Only an active administrator can take over the store&apos;s root key.</source>
        <translation>Dim ond gweinyddwr gweithredol all gymryd allwedd wraidd y storfa drosodd.</translation>
    </message>
    <message>
        <source>Say why the root key is handed over (it is recorded).</source>
        <translation>Dywedwch pam mae&apos;r allwedd wraidd yn cael ei throsglwyddo (caiff ei gofnodi).</translation>
    </message>
    <message>
        <source>This store already has a root key; it cannot be handed over.</source>
        <translation>Mae gan y storfa hon allwedd wraidd eisoes; ni ellir ei throsglwyddo.</translation>
    </message>
    <message>
        <source>The first account, {name!r}, is an active administrator: its next password sign-in gives the store its root key. Deactivate it first if it is no longer used.</source>
        <translation>Mae&apos;r cyfrif cyntaf, {name!r}, yn weinyddwr gweithredol: bydd ei fewngofnodi nesaf â chyfrinair yn rhoi ei hallwedd wraidd i&apos;r storfa. Dadactifadwch ef yn gyntaf os nad yw&apos;n cael ei ddefnyddio mwyach.</translation>
    </message>
    <message>
        <source>The hand-over is signed with your own key: set your password first (&apos;bwv user passwd&apos;).</source>
        <translation>Caiff y trosglwyddiad ei lofnodi â&apos;ch allwedd eich hun: gosodwch eich cyfrinair yn gyntaf (&apos;bwv user passwd&apos;).</translation>
    </message>
    <message>
        <source>vouch for a signing key</source>
        <translation>warantu allwedd llofnodi</translation>
    </message>
    <message>
        <source>No user named {name!r}.</source>
        <translation>Dim defnyddiwr o&apos;r enw {name!r}.</translation>
    </message>
    <message>
        <source>Only an administrator whose own key is vouched for (the root, or registered from it) can vouch for another key.</source>
        <translation>Dim ond gweinyddwr y mae ei allwedd ei hun wedi&apos;i gwarantu (y wraidd, neu un a gofrestrwyd ohoni) all warantu allwedd arall.</translation>
    </message>
    <message>
        <source>Nobody vouches for their own key.</source>
        <translation>Nid oes neb yn gwarantu ei allwedd ei hun.</translation>
    </message>
    <message>
        <source>{name!r} has no signing key the audit trail registered; they sign in with a password first.</source>
        <translation>Nid oes gan {name!r} allwedd llofnodi a gofrestrwyd yn y trywydd archwilio; maent yn mewngofnodi â chyfrinair yn gyntaf.</translation>
    </message>
    <message>
        <source>The key of {name!r} is already vouched for.</source>
        <translation>Mae allwedd {name!r} wedi&apos;i gwarantu eisoes.</translation>
    </message>
    <message>
        <source>That is not the fingerprint of {name!r}&apos;s key: nothing was vouched for. Ask them to read it from their own session (&apos;bwv user key&apos;).</source>
        <translation>Nid dyna olion bysedd allwedd {name!r}: ni warantwyd dim. Gofynnwch iddynt ei darllen o&apos;u sesiwn eu hunain (&apos;bwv user key&apos;).</translation>
    </message>
    <message>
        <source>flag category</source>
        <translation>categori nod</translation>
    </message>
    <message>
        <source>Times must be finite numbers of seconds.</source>
        <translation>Rhaid i amserau fod yn niferoedd meidraidd o eiliadau.</translation>
    </message>
    <message>
        <source>Start {start:.3f} s is outside the footage (0 to {duration_s:.3f} s).</source>
        <translation>Mae&apos;r dechrau {start:.3f} e y tu allan i&apos;r ffilm (0 i {duration_s:.3f} e).</translation>
    </message>
    <message>
        <source>End {end:.3f} s must lie between the start and {duration_s:.3f} s.</source>
        <translation>Rhaid i&apos;r diwedd {end:.3f} e fod rhwng y dechrau a {duration_s:.3f} e.</translation>
    </message>
    <message>
        <source>The {what} is {count} characters long; at most {limit}.</source>
        <translation>Mae&apos;r {what} yn {count} nod o hyd; {limit} ar y mwyaf.</translation>
    </message>
    <message>
        <source>flag footage</source>
        <translation>nodi ffilm</translation>
    </message>
    <message>
        <source>No flag #{flag_id}.</source>
        <translation>Dim nod #{flag_id}.</translation>
    </message>
    <message>
        <source>edit flags</source>
        <translation>olygu nodau</translation>
    </message>
    <message>
        <source>Cannot change {value} on a flag.</source>
        <translation>Methu newid {value} ar nod.</translation>
    </message>
    <message>
        <source>delete flags</source>
        <translation>ddileu nodau</translation>
    </message>
    <message>
        <source>Hash prefix {text!r} matches more than one footage item.</source>
        <translation>Mae&apos;r rhagddodiad hash {text!r} yn cyfateb i fwy nag un eitem ffilm.</translation>
    </message>
    <message>
        <source>{key!r} is neither a footage number nor a SHA-256 prefix.</source>
        <translation>Nid yw {key!r} yn rhif ffilm nac yn rhagddodiad SHA-256.</translation>
    </message>
    <message>
        <source>Every original was checked, but the store became busy (another program or window was writing to it) while the checks were being recorded: {done} of {total} are in the audit trail. Verify again in a moment to record them all.</source>
        <translation>Gwiriwyd pob gwreiddiol, ond daeth y storfa&apos;n brysur (roedd rhaglen neu ffenestr arall yn ysgrifennu iddi) tra oedd y gwiriadau&apos;n cael eu cofnodi: mae {done} o {total} yn y trywydd archwilio. Gwiriwch eto mewn munud i&apos;w cofnodi i gyd.</translation>
    </message>
    <message>
        <source>No footage {key!r}.</source>
        <translation>Dim ffilm {key!r}.</translation>
    </message>
    <message>
        <source>{path} is the original of footage #{number}; nothing is written over an original (give another name).</source>
        <translation>{path} yw&apos;r gwreiddiol o ffilm #{number}; ni ysgrifennir dim dros wreiddiol (rhowch enw arall).</translation>
    </message>
    <message>
        <source>Footage #{id} ({file_name}) was deleted under the retention policy on {deleted_at:%Y-%m-%d}; only its hash and metadata remain.</source>
        <translation>Dilëwyd ffilm #{id} ({file_name}) o dan y polisi cadw ar {deleted_at:%Y-%m-%d}; dim ond ei hash a&apos;i metadata sy&apos;n weddill.</translation>
    </message>
    <message>
        <source>{path}: the original of footage #{number} no longer matches the SHA-256 recorded at ingest; it is not processed (verify the originals to see which changed).</source>
        <translation>{path}: nid yw gwreiddiol ffilm #{number} yn cyfateb mwyach i&apos;r SHA-256 a gofnodwyd wrth ei fewnforio; nid yw&apos;n cael ei brosesu (gwiriwch y rhai gwreiddiol i weld pa un a newidiodd).</translation>
    </message>
    <message>
        <source>mark footage evidential</source>
        <translation>nodi ffilm yn dystiolaethol</translation>
    </message>
    <message>
        <source>Give a reason for changing the evidential status.</source>
        <translation>Rhowch reswm dros newid y statws tystiolaethol.</translation>
    </message>
    <message>
        <source>verify footage</source>
        <translation>wirio ffilm</translation>
    </message>
    <message>
        <source>ingest footage</source>
        <translation>fewnforio ffilm</translation>
    </message>
    <message>
        <source>{path}: this is export #{id} of footage #{footage} (the same SHA-256), made here: an export is not an original, and is not taken in as footage.</source>
        <translation>{path}: dyma allforiad #{id} o ffilm #{footage} (yr un SHA-256), a wnaed yma: nid gwreiddiol yw allforiad, ac ni chaiff ei dderbyn fel ffilm.</translation>
    </message>
    <message>
        <source>{path}: this footage was ingested as #{id} and deleted under the retention policy on {deleted_at:%Y-%m-%d}; it is not taken in again (ask a supervisor if it is needed as evidence).</source>
        <translation>{path}: mewnforiwyd y ffilm hon fel #{id} a&apos;i dileu o dan y polisi cadw ar {deleted_at:%Y-%m-%d}; nid yw&apos;n cael ei derbyn eto (gofynnwch i oruchwyliwr os oes ei hangen fel tystiolaeth).</translation>
    </message>
    <message>
        <source>{path}: the file changed while it was being ingested; try again.</source>
        <translation>{path}: newidiodd y ffeil tra oedd yn cael ei mewnforio; rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>User {name!r} is locked after too many failed sign-ins; an administrator unlocks it.</source>
        <translation>Mae&apos;r defnyddiwr {name!r} wedi&apos;i gloi ar ôl gormod o fewngofnodi aflwyddiannus; gweinyddwr sy&apos;n ei ddatgloi.</translation>
    </message>
    <message>
        <source>User {name!r} has no password yet; an administrator sets one.</source>
        <translation>Nid oes gan y defnyddiwr {name!r} gyfrinair eto; gweinyddwr sy&apos;n gosod un.</translation>
    </message>
    <message>
        <source>User {name!r} is locked after too many failed sign-ins; as no other administrator can unlock it, it opens again by itself at {time}.</source>
        <translation>Mae defnyddiwr {name!r} wedi&apos;i gloi ar ôl gormod o ymdrechion mewngofnodi aflwyddiannus; gan nad oes gweinyddwr arall a all ei ddatgloi, bydd yn agor eto ohono&apos;i hun am {time}.</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Mae angen o leiaf {count} nod mewn cyfrinair.</translation>
    </message>
    <message>
        <source>A password must not be only spaces.</source>
        <translation>Rhaid i gyfrinair beidio â bod yn fylchau yn unig.</translation>
    </message>
    <message>
        <source>A password must not be the user name.</source>
        <translation>Rhaid i&apos;r cyfrinair beidio â bod yr un fath â&apos;r enw defnyddiwr.</translation>
    </message>
    <message>
        <source>This store already has users; sign in as its administrator to add accounts.</source>
        <translation>Mae gan y storfa hon ddefnyddwyr eisoes; mewngofnodwch fel ei gweinyddwr i ychwanegu cyfrifon.</translation>
    </message>
    <message>
        <source>User {name!r} is deactivated; ask an administrator.</source>
        <translation>Mae&apos;r defnyddiwr {name!r} wedi&apos;i ddadactifadu; gofynnwch i weinyddwr.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Enw defnyddiwr neu gyfrinair anghywir.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Mae&apos;r cyfrinair presennol yn anghywir.</translation>
    </message>
    <message>
        <source>set another user&apos;s password</source>
        <translation>osod cyfrinair defnyddiwr arall</translation>
    </message>
    <message>
        <source>unlock accounts</source>
        <translation>ddatgloi cyfrifon</translation>
    </message>
    <message>
        <source>Say why the account is unlocked (it is recorded).</source>
        <translation>Dywedwch pam mae&apos;r cyfrif yn cael ei ddatgloi (caiff ei gofnodi).</translation>
    </message>
    <message>
        <source>No user {name!r}.</source>
        <translation>Dim defnyddiwr {name!r}.</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>goruchwyliwr</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>gweinyddwr</translation>
    </message>
    <message>
        <source>a supervisor or an administrator</source>
        <translation>goruchwyliwr neu weinyddwr</translation>
    </message>
    <message>
        <source>a disclosure officer or a supervisor</source>
        <translation>swyddog datgelu neu oruchwyliwr</translation>
    </message>
    <message>
        <source>a disclosure officer, a supervisor or an administrator</source>
        <translation>swyddog datgelu, goruchwyliwr neu weinyddwr</translation>
    </message>
    <message>
        <source>a disclosure officer</source>
        <translation>swyddog datgelu</translation>
    </message>
    <message>
        <source>case staff</source>
        <translation>staff achosion</translation>
    </message>
    <message>
        <source>User {name!r} is deactivated.</source>
        <translation>Mae&apos;r defnyddiwr {name!r} wedi&apos;i ddadactifadu.</translation>
    </message>
    <message>
        <source>No administrator has vouched for {name}&apos;s signing key yet, so it cannot {what}: read its fingerprint (Tools &gt; Users, or &apos;bwv user key&apos;) to an administrator, who vouches for it.</source>
        <translation>Nid oes gweinyddwr wedi gwarantu allwedd llofnodi {name} eto, felly ni all {what}: darllenwch ei holion bysedd (Offer &gt; Defnyddwyr, neu &apos;bwv user key&apos;) i weinyddwr, sy&apos;n ei gwarantu.</translation>
    </message>
    <message>
        <source>{name} is {role}; only {who} can {what}.</source>
        <translation>Rôl {name}: {role}; dim ond {who} all {what}.</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rôl</translation>
    </message>
    <message>
        <source>A user needs a name of 1 to 128 characters.</source>
        <translation>Mae angen enw o 1 i 128 nod ar ddefnyddiwr.</translation>
    </message>
    <message>
        <source>A user name must not contain line breaks, tabs or other characters that do not print.</source>
        <translation>Rhaid i enw defnyddiwr beidio â chynnwys toriadau llinell, tabiau na nodau eraill nad ydynt yn argraffu.</translation>
    </message>
    <message>
        <source>No user name: set BWV_USER or the default_user setting.</source>
        <translation>Dim enw defnyddiwr: gosodwch BWV_USER neu&apos;r gosodiad default_user.</translation>
    </message>
    <message>
        <source>A user name is at most 128 characters.</source>
        <translation>Mae enw defnyddiwr yn 128 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>{name!r} has no account in this store; ask an administrator to add one (bwv user add).</source>
        <translation>Nid oes gan {name!r} gyfrif yn y storfa hon; gofynnwch i weinyddwr ychwanegu un (bwv user add).</translation>
    </message>
    <message>
        <source>add users</source>
        <translation>ychwanegu defnyddwyr</translation>
    </message>
    <message>
        <source>User {name!r} already exists.</source>
        <translation>Mae&apos;r defnyddiwr {name!r} yn bodoli eisoes.</translation>
    </message>
    <message>
        <source>change users</source>
        <translation>newid defnyddwyr</translation>
    </message>
    <message>
        <source>{name} is the only active administrator; make someone else administrator first.</source>
        <translation>{name} yw&apos;r unig weinyddwr gweithredol; gwnewch rywun arall yn weinyddwr yn gyntaf.</translation>
    </message>
    <message>
        <source>This footage has no saved redaction plan to approve.</source>
        <translation>Nid oes gan y ffilm hon gynllun golygu wedi&apos;i gadw i&apos;w gymeradwyo.</translation>
    </message>
    <message>
        <source>The redaction plan has changed since it was shown; review the current plan before deciding.</source>
        <translation>Mae&apos;r cynllun golygu wedi newid ers ei ddangos; adolygwch y cynllun presennol cyn penderfynu.</translation>
    </message>
    <message>
        <source>{by} rejected this redaction plan of footage #{footage_id} ({at}): &quot;{note}&quot;. A rejected plan is not put forward or approved again as it is: change it as asked, then ask for approval.</source>
        <translation>Gwrthododd {by} y cynllun golygu hwn ar gyfer ffilm #{footage_id} ({at}): &quot;{note}&quot;. Ni chaiff cynllun a wrthodwyd ei gyflwyno na&apos;i gymeradwyo eto fel y mae: newidiwch ef fel y gofynnwyd, yna gofynnwch am gymeradwyaeth.</translation>
    </message>
    <message>
        <source>approve or reject a redaction plan</source>
        <translation>gymeradwyo neu wrthod cynllun golygu</translation>
    </message>
    <message>
        <source>You made the last change to this plan; another supervisor must approve it.</source>
        <translation>Chi wnaeth y newid diwethaf i&apos;r cynllun hwn; rhaid i oruchwyliwr arall ei gymeradwyo.</translation>
    </message>
    <message>
        <source>Say why the plan is rejected, so the officer can correct it.</source>
        <translation>Dywedwch pam mae&apos;r cynllun yn cael ei wrthod, fel y gall y swyddog ei gywiro.</translation>
    </message>
    <message>
        <source>redact track {track}</source>
        <translation>cuddio trac {track}</translation>
    </message>
    <message>
        <source>keep visible track {track}</source>
        <translation>cadw trac {track} yn weladwy</translation>
    </message>
    <message>
        <source>mark as not a face track {track}</source>
        <translation>marcio trac {track} fel nid wyneb</translation>
    </message>
    <message>
        <source>mark track {track} as not a face from frame {frame}</source>
        <translation>marcio trac {track} fel nid wyneb o ffrâm {frame} ymlaen</translation>
    </message>
    <message>
        <source>track {track} is someone else from frame {frame}: redact it there</source>
        <translation>mae trac {track} yn rhywun arall o ffrâm {frame} ymlaen: ei guddio yno</translation>
    </message>
    <message>
        <source>add manual box {box} at frame {frame}</source>
        <translation>ychwanegu blwch â llaw {box} yn ffrâm {frame}</translation>
    </message>
    <message>
        <source>No manual box {number}.</source>
        <translation>Dim blwch â llaw {number}.</translation>
    </message>
    <message>
        <source>set manual box {box} at frame {frame}</source>
        <translation>gosod blwch â llaw {box} yn ffrâm {frame}</translation>
    </message>
    <message>
        <source>set manual box {box} at frames {first}-{last}</source>
        <translation>gosod blwch â llaw {box} yn fframiau {first}-{last}</translation>
    </message>
    <message>
        <source>delete manual box {box}</source>
        <translation>dileu blwch â llaw {box}</translation>
    </message>
    <message>
        <source>mute audio {start:.3f}-{end:.3f} s</source>
        <translation>tewi sain {start:.3f}-{end:.3f} e</translation>
    </message>
    <message>
        <source>No mute range {start:.3f}-{end:.3f} s.</source>
        <translation>Dim ystod wedi&apos;i thewi {start:.3f}-{end:.3f} e.</translation>
    </message>
    <message>
        <source>unmute audio {start:.3f}-{end:.3f} s</source>
        <translation>dad-dewi sain {start:.3f}-{end:.3f} e</translation>
    </message>
    <message>
        <source>every track</source>
        <translation>bob trac</translation>
    </message>
    <message>
        <source>track {number}</source>
        <translation>drac {number}</translation>
    </message>
    <message>
        <source>mute {count} audio range(s) on {where}</source>
        <translation>tewi {count} ystod sain ar {where}</translation>
    </message>
    <message>
        <source>bleep {count} audio range(s) on {where}</source>
        <translation>bipio {count} ystod sain ar {where}</translation>
    </message>
    <message>
        <source>disguise {count} audio range(s) on {where}</source>
        <translation>cuddwisgo {count} ystod sain ar {where}</translation>
    </message>
    <message>
        <source>{edit} ({label})</source>
        <translation>{edit} ({label})</translation>
    </message>
    <message>
        <source>No audio range {number} in the plan.</source>
        <translation>Nid oes ystod sain {number} yn y cynllun.</translation>
    </message>
    <message>
        <source>remove audio range {number} ({start:.3f}-{end:.3f} s)</source>
        <translation>tynnu ystod sain {number} ({start:.3f}-{end:.3f} e)</translation>
    </message>
    <message>
        <source>remove {count} audio ranges</source>
        <translation>tynnu {count} ystod sain</translation>
    </message>
    <message>
        <source>mark frames {first}-{last} as reviewed</source>
        <translation>marcio fframiau {first}-{last} wedi&apos;u hadolygu</translation>
    </message>
    <message>
        <source>mark frames {first}-{last} as not reviewed</source>
        <translation>marcio fframiau {first}-{last} heb eu hadolygu</translation>
    </message>
    <message>
        <source>export the whole footage</source>
        <translation>allforio&apos;r ffilm gyfan</translation>
    </message>
    <message>
        <source>export only {start:.3f}-{end:.3f} s</source>
        <translation>allforio {start:.3f}-{end:.3f} e yn unig</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>niwlio</translation>
    </message>
    <message>
        <source>pixelate</source>
        <translation>picseleiddio</translation>
    </message>
    <message>
        <source>solid</source>
        <translation>solet</translation>
    </message>
    <message>
        <source>ellipse</source>
        <translation>elips</translation>
    </message>
    <message>
        <source>rectangle</source>
        <translation>petryal</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>cadw</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>hepgor</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>wedi&apos;i gadw</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>wedi&apos;i dynnu</translation>
    </message>
    <message>
        <source>set export style {style} {strength}, {shape}, sound {audio}, caption {caption!r}, metadata {metadata}</source>
        <translation>gosod arddull allforio {style} {strength}, {shape}, sain {audio}, capsiwn {caption!r}, metadata {metadata}</translation>
    </message>
    <message>
        <source>{edit}, heads of people seen from behind hidden</source>
        <translation>{edit}, pennau pobl a welir o&apos;r tu ôl wedi&apos;u cuddio</translation>
    </message>
    <message>
        <source>{edit}, heads of people seen from behind left visible</source>
        <translation>{edit}, pennau pobl a welir o&apos;r tu ôl yn weladwy</translation>
    </message>
    <message>
        <source>{edit}, whole people hidden</source>
        <translation>{edit}, pobl gyfan wedi&apos;u cuddio</translation>
    </message>
    <message>
        <source>{edit}, whole people not hidden</source>
        <translation>{edit}, pobl gyfan heb eu cuddio</translation>
    </message>
    <message>
        <source>set padding {padding:g}</source>
        <translation>gosod padin {padding:g}</translation>
    </message>
    <message>
        <source>{edit}, margin {margin:g}</source>
        <translation>{edit}, ymyl {margin:g}</translation>
    </message>
    <message>
        <source>{edit}, hide everything but the kept people</source>
        <translation>{edit}, cuddio popeth ond y bobl a gadwyd</translation>
    </message>
    <message>
        <source>keep only track {track} visible, hide everything else</source>
        <translation>cadw trac {track} yn unig yn weladwy, cuddio popeth arall</translation>
    </message>
    <message>
        <source>choose the people again on this detection run</source>
        <translation>dewis y bobl eto ar y rhediad canfod hwn</translation>
    </message>
    <message>
        <source>The redaction plan was changed by {who} ({when} UTC) since this was started from it; this change was not saved over theirs. Open the footage again to see their change, then make yours again.</source>
        <translation>Newidiwyd y cynllun golygu gan {who} ({when} UTC) ers i hwn ddechrau ohono; ni chadwyd y newid hwn dros eu newid nhw. Agorwch y ffilm eto i weld eu newid, yna gwnewch eich un chi eto.</translation>
    </message>
    <message>
        <source>change redaction plans</source>
        <translation>newid cynlluniau golygu</translation>
    </message>
    <message>
        <source>see the retention report</source>
        <translation>weld yr adroddiad cadw</translation>
    </message>
    <message>
        <source>apply the retention policy</source>
        <translation>gymhwyso&apos;r polisi cadw</translation>
    </message>
    <message>
        <source>Give the reason for the legal hold change (it is recorded).</source>
        <translation>Rhowch y rheswm dros newid y daliad cyfreithiol (caiff ei gofnodi).</translation>
    </message>
    <message>
        <source>change how people sign in</source>
        <translation>newid sut mae pobl yn mewngofnodi</translation>
    </message>
    <message>
        <source>Unknown sign-in mode {sign_in!r}: use password or os_user.</source>
        <translation>Modd mewngofnodi anhysbys {sign_in!r}: defnyddiwch password neu os_user.</translation>
    </message>
    <message>
        <source>Set your own password first (bwv user passwd), or nobody could sign in as the administrator after the change.</source>
        <translation>Gosodwch eich cyfrinair eich hun yn gyntaf (bwv user passwd), neu ni allai neb fewngofnodi fel y gweinyddwr ar ôl y newid.</translation>
    </message>
    <message>
        <source>change whether exports need approval</source>
        <translation>newid a oes angen cymeradwyaeth ar allforion</translation>
    </message>
    <message>
        <source>change the sign-in lock-out</source>
        <translation>newid y cloi mewngofnodi</translation>
    </message>
    <message>
        <source>The lock-out is 0 (off) to 100 failed sign-ins.</source>
        <translation>Mae&apos;r cloi rhwng 0 (i ffwrdd) a 100 o fewngofnodi aflwyddiannus.</translation>
    </message>
    <message>
        <source>change the retention policy</source>
        <translation>newid y polisi cadw</translation>
    </message>
    <message>
        <source>The retention period is 1 to 36500 days.</source>
        <translation>Mae&apos;r cyfnod cadw rhwng 1 a 36500 diwrnod.</translation>
    </message>
    <message>
        <source>change the managed folders</source>
        <translation>newid y ffolderi a reolir</translation>
    </message>
    <message>
        <source>approve speech models</source>
        <translation>cymeradwyo modelau lleferydd</translation>
    </message>
    <message>
        <source>change the watch folders</source>
        <translation>newid y ffolderi gwylio</translation>
    </message>
    <message>
        <source>A track edit must be an object.</source>
        <translation>Rhaid i olygiad trac fod yn wrthrych.</translation>
    </message>
    <message>
        <source>A track edit&apos;s &apos;tracks&apos; must be a list of track numbers.</source>
        <translation>Rhaid i &apos;tracks&apos; golygiad trac fod yn rhestr o rifau traciau.</translation>
    </message>
    <message>
        <source>A track edit&apos;s &apos;frame&apos; must be a whole number.</source>
        <translation>Rhaid i &apos;frame&apos; golygiad trac fod yn rhif cyfan.</translation>
    </message>
    <message>
        <source>Unknown track edit {value!r}.</source>
        <translation>Golygiad trac anhysbys {value!r}.</translation>
    </message>
    <message>
        <source>A merge needs at least two different tracks.</source>
        <translation>Mae angen o leiaf dau drac gwahanol i uno.</translation>
    </message>
    <message>
        <source>A split needs one track and a frame after the first.</source>
        <translation>Mae angen un trac a ffrâm ar ôl y gyntaf i hollti.</translation>
    </message>
    <message>
        <source>merge tracks {tracks}</source>
        <translation>uno traciau {tracks}</translation>
    </message>
    <message>
        <source>split track {track} at frame {frame}</source>
        <translation>hollti trac {track} yn ffrâm {frame}</translation>
    </message>
    <message>
        <source>Track {track} cannot be split at frame {frame}: it is detected from frame {first} to {last}, and each part needs a detection.</source>
        <translation>Ni ellir hollti trac {track} yn ffrâm {frame}: mae wedi&apos;i ganfod o ffrâm {first} i {last}, ac mae angen canfyddiad ar bob rhan.</translation>
    </message>
    <message>
        <source>Tracks {tracks} are of different kinds ({kinds}); only tracks of one kind (faces, text regions or heads) can be merged.</source>
        <translation>Mae traciau {tracks} o wahanol fathau ({kinds}); dim ond traciau o&apos;r un math (wynebau, rhanbarthau testun neu bennau) y gellir eu huno.</translation>
    </message>
    <message>
        <source>Tracks {tracks} are in different shots of this edited clip (it cuts to another shot between them); tracks are not merged across a cut, where the boxes between them would stand over someone else.</source>
        <translation>Mae traciau {tracks} mewn saethiadau gwahanol o&apos;r clip golygedig hwn (mae&apos;n torri i saethiad arall rhyngddynt); nid yw traciau&apos;n cael eu huno ar draws toriad, lle byddai&apos;r blychau rhyngddynt dros rywun arall.</translation>
    </message>
    <message>
        <source>Tracks {tracks} are both detected on frame {frame}, so they are different people; they cannot be merged.</source>
        <translation>Mae traciau {tracks} ill dau wedi&apos;u canfod ar ffrâm {frame}, felly maent yn bobl wahanol; ni ellir eu huno.</translation>
    </message>
    <message>
        <source>Cannot {value}: no track {value2} (the edit belongs to another detection run).</source>
        <translation>Methu {value}: dim trac {value2} (mae&apos;r golygiad yn perthyn i rediad canfod arall).</translation>
    </message>
    <message>
        <source>Bank holiday file {path} cannot be read: {exc}</source>
        <translation>Methu darllen y ffeil gwyliau banc {path}: {exc}</translation>
    </message>
    <message>
        <source>C2PA signing needs both settings, c2pa_certificate and c2pa_private_key (PEM files); one is empty.</source>
        <translation>Mae llofnodi C2PA angen y ddau osodiad, c2pa_certificate a c2pa_private_key (ffeiliau PEM); mae un yn wag.</translation>
    </message>
    <message>
        <source>{path}: the C2PA {what} cannot be read ({value}).</source>
        <translation>{path}: methu darllen {what} C2PA ({value}).</translation>
    </message>
    <message>
        <source>{path}: the C2PA private key is encrypted; give its passphrase in the environment variable {KEY_PASSWORD_ENV}.</source>
        <translation>{path}: mae allwedd breifat C2PA wedi&apos;i hamgryptio; rhowch ei chyfrinymadrodd yn y newidyn amgylchedd {KEY_PASSWORD_ENV}.</translation>
    </message>
    <message>
        <source>{path}: the passphrase in {KEY_PASSWORD_ENV} does not open this C2PA private key.</source>
        <translation>{path}: nid yw&apos;r cyfrinymadrodd yn {KEY_PASSWORD_ENV} yn agor yr allwedd breifat C2PA hon.</translation>
    </message>
    <message>
        <source>{path}: not a PEM private key ({exc}).</source>
        <translation>{path}: nid yw&apos;n allwedd breifat PEM ({exc}).</translation>
    </message>
    <message>
        <source>{path}: C2PA signing here takes an EC (P-256/384/521) or Ed25519 key.</source>
        <translation>{path}: mae llofnodi C2PA yma yn cymryd allwedd EC (P-256/384/521) neu Ed25519.</translation>
    </message>
    <message>
        <source>{certificate}: not a PEM certificate chain ({exc}).</source>
        <translation>{certificate}: nid yw&apos;n gadwyn tystysgrifau PEM ({exc}).</translation>
    </message>
    <message>
        <source>{signed}: cannot write the signed video ({value}).</source>
        <translation>{signed}: methu ysgrifennu&apos;r fideo wedi&apos;i lofnodi ({value}).</translation>
    </message>
    <message>
        <source>{video}: C2PA signing failed ({exc}); check the certificate {certificate} and key.</source>
        <translation>{video}: methodd llofnodi C2PA ({exc}); gwiriwch y dystysgrif {certificate} a&apos;r allwedd.</translation>
    </message>
    <message>
        <source>Export #{export_id} has no record to complete.</source>
        <translation>Nid oes gan allforiad #{export_id} gofnod i&apos;w gwblhau.</translation>
    </message>
    <message>
        <source>{final}: is a folder; give a file name.</source>
        <translation>{final}: ffolder yw hwn; rhowch enw ffeil.</translation>
    </message>
    <message>
        <source>{final}: is a symbolic link; give the real path of the file.</source>
        <translation>{final}: dolen symbolaidd yw hon; rhowch lwybr go iawn y ffeil.</translation>
    </message>
    <message>
        <source>{final}: the file name is too long (at most {most} bytes).</source>
        <translation>{final}: mae enw&apos;r ffeil yn rhy hir (hyd at {most} beit).</translation>
    </message>
    <message>
        <source>{final}: cannot write ({value}).</source>
        <translation>{final}: methu ysgrifennu ({value}).</translation>
    </message>
    <message>
        <source>The audit trail is empty: there is nothing to anchor yet.</source>
        <translation>Mae&apos;r trywydd archwilio yn wag: nid oes dim i&apos;w angori eto.</translation>
    </message>
    <message>
        <source>the hash chain</source>
        <translation>y gadwyn hash</translation>
    </message>
    <message>
        <source>the state rebuilt from the audit trail</source>
        <translation>y cyflwr a ailadeiladwyd o&apos;r trywydd archwilio</translation>
    </message>
    <message>
        <source>the anchors</source>
        <translation>yr angorau</translation>
    </message>
    <message>
        <source>the recorded exports</source>
        <translation>yr allforion a gofnodwyd</translation>
    </message>
    <message>
        <source>the connection to the store was lost</source>
        <translation>collwyd y cysylltiad â&apos;r storfa</translation>
    </message>
    <message>
        <source>{folder}: no such folder to read anchors from.</source>
        <translation>{folder}: dim ffolder o&apos;r fath i ddarllen angorau ohoni.</translation>
    </message>
    <message>
        <source>The signing key of {name!r} cannot be opened with this password; ask an administrator to reset the password.</source>
        <translation>Ni ellir agor allwedd llofnodi {name!r} â&apos;r cyfrinair hwn; gofynnwch i weinyddwr ailosod y cyfrinair.</translation>
    </message>
    <message>
        <source>The signing key of {name!r} was replaced (an administrator reset the password): sign in again; nothing was saved.</source>
        <translation>Disodlwyd allwedd llofnodi {name!r} (ailosododd gweinyddwr y cyfrinair): mewngofnodwch eto; ni chadwyd dim.</translation>
    </message>
    <message>
        <source>{path!r}: the file name is not valid UTF-8; rename the file first.</source>
        <translation>{path!r}: nid yw enw&apos;r ffeil yn UTF-8 dilys; ailenwch y ffeil yn gyntaf.</translation>
    </message>
    <message>
        <source>{path}: file not found.</source>
        <translation>{path}: heb ddod o hyd i&apos;r ffeil.</translation>
    </message>
    <message>
        <source>{path}: permission denied (cannot reach the file).</source>
        <translation>{path}: gwrthodwyd caniatâd (methu cyrraedd y ffeil).</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({value}).</source>
        <translation>{path}: methu ei darllen ({value}).</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a video file.</source>
        <translation>{path}: ffolder yw hwn, nid ffeil fideo.</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a device, pipe or socket).</source>
        <translation>{path}: nid yw&apos;n ffeil reolaidd (dyfais, pibell neu soced).</translation>
    </message>
    <message>
        <source>{path}: the file is empty (0 bytes).</source>
        <translation>{path}: mae&apos;r ffeil yn wag (0 beit).</translation>
    </message>
    <message>
        <source>{path}: permission denied (cannot read the file).</source>
        <translation>{path}: gwrthodwyd caniatâd (methu darllen y ffeil).</translation>
    </message>
    <message>
        <source>{path}: not a video file, or damaged beyond reading (no readable container).</source>
        <translation>{path}: nid yw&apos;n ffeil fideo, neu mae wedi&apos;i difrodi y tu hwnt i&apos;w darllen (dim cynhwysydd darllenadwy).</translation>
    </message>
    <message>
        <source>{path}: cannot be opened as video ({exc}).</source>
        <translation>{path}: methu ei agor fel fideo ({exc}).</translation>
    </message>
    <message>
        <source>{path}: the file&apos;s metadata is damaged ({exc}).</source>
        <translation>{path}: mae metadata&apos;r ffeil wedi&apos;i ddifrodi ({exc}).</translation>
    </message>
    <message>
        <source>{path}: contains no video stream.</source>
        <translation>{path}: nid yw&apos;n cynnwys ffrwd fideo.</translation>
    </message>
    <message>
        <source>{path}: the video is damaged after frame {index} ({exc}).</source>
        <translation>{path}: mae&apos;r fideo wedi&apos;i ddifrodi ar ôl ffrâm {index} ({exc}).</translation>
    </message>
    <message>
        <source>{path}: the file was changed or replaced while it was open; open the footage again.</source>
        <translation>{path}: newidiwyd neu ailosodwyd y ffeil tra oedd ar agor; agorwch y ffilm eto.</translation>
    </message>
    <message>
        <source>{path}: cannot index the video ({exc}).</source>
        <translation>{path}: methu mynegeio&apos;r fideo ({exc}).</translation>
    </message>
    <message>
        <source>{path}: the video holds no frames.</source>
        <translation>{path}: nid oes fframiau yn y fideo.</translation>
    </message>
    <message>
        <source>{path}: frame {index} cannot be decoded ({exc}).</source>
        <translation>{path}: methu datgodio ffrâm {index} ({exc}).</translation>
    </message>
    <message>
        <source>{path}: frame {index} cannot be found.</source>
        <translation>{path}: methu dod o hyd i ffrâm {index}.</translation>
    </message>
    <message>
        <source>{path}: the video is damaged and cannot be read ({exc}).</source>
        <translation>{path}: mae&apos;r fideo wedi&apos;i ddifrodi ac ni ellir ei ddarllen ({exc}).</translation>
    </message>
    <message>
        <source>{path}: is a text file, not a video.</source>
        <translation>{path}: ffeil destun yw hon, nid fideo.</translation>
    </message>
    <message>
        <source>{path}: is a still image ({name}), not a video.</source>
        <translation>{path}: llun llonydd yw hwn ({name}), nid fideo.</translation>
    </message>
    <message>
        <source>{path}: the video carries no timestamps (a bare stream, as some recorders export .h264 or .264 files), so its frames cannot be placed in time. Keep it as it is, and ingest a copy put into a container at its frame rate (for example MP4, with ffmpeg: -framerate 25 -i FILE -c copy COPY.mp4).</source>
        <translation>{path}: nid oes gan y fideo stampiau amser (ffrwd noeth, fel y mae rhai recordwyr yn allforio ffeiliau .h264 neu .264), felly ni ellir gosod ei fframiau mewn amser. Cadwch hi fel y mae, a mewnforiwch gopi a roddwyd mewn cynhwysydd ar ei chyfradd fframiau (er enghraifft MP4, gydag ffmpeg: -framerate 25 -i FILE -c copy COPY.mp4).</translation>
    </message>
    <message>
        <source>{path}: the video stream holds no frames.</source>
        <translation>{path}: nid oes fframiau yn y ffrwd fideo.</translation>
    </message>
    <message>
        <source>{path}: truncated or incomplete: the file ends after {stored} of the {promised} frames its index lists.</source>
        <translation>{path}: wedi&apos;i dorri&apos;n fyr neu&apos;n anghyflawn: mae&apos;r ffeil yn dod i ben ar ôl {stored} o&apos;r {promised} ffrâm y mae ei mynegai yn eu rhestru.</translation>
    </message>
    <message>
        <source>{path}: is a single still picture, not a video.</source>
        <translation>{path}: un llun llonydd yw hwn, nid fideo.</translation>
    </message>
    <message>
        <source>{path}: the video cannot be decoded ({exc}).</source>
        <translation>{path}: methu datgodio&apos;r fideo ({exc}).</translation>
    </message>
    <message>
        <source>{path}: no frame of the video can be decoded.</source>
        <translation>{path}: ni ellir datgodio unrhyw ffrâm o&apos;r fideo.</translation>
    </message>
    <message>
        <source>{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm.</source>
        <translation>Nid yw {text!r} yn amser: defnyddiwch SS, MM:SS neu HH:MM:SS.mmm.</translation>
    </message>
    <message>
        <source>{text!r} is not a valid time.</source>
        <translation>Nid yw {text!r} yn amser dilys.</translation>
    </message>
    <message>
        <source>{path} has no audio track {number} (it has {count}).</source>
        <translation>Nid oes gan {path} drac sain {number} (mae ganddo {count}).</translation>
    </message>
    <message>
        <source>{path}: the sound cannot be decoded ({exc}).</source>
        <translation>{path}: methu datgodio&apos;r sain ({exc}).</translation>
    </message>
    <message>
        <source>{count} open item(s) need an answer before approval (a reason each, or &quot;all reviewed&quot; after going through them), e.g. {text}.</source>
        <translation>Mae angen ateb ar {count} eitem agored cyn cymeradwyo (rheswm i bob un, neu &quot;all reviewed&quot; ar ôl mynd drwyddynt), e.e. {text}.</translation>
    </message>
    <message>
        <source>The redaction plan&apos;s {key!r} has the wrong type ({kind}).</source>
        <translation>Mae gan {key!r} y cynllun golygu y math anghywir ({kind}).</translation>
    </message>
    <message>
        <source>The redaction plan&apos;s {key!r} must hold whole track numbers, not {item!r}.</source>
        <translation>Rhaid i {key!r} y cynllun golygu gynnwys rhifau traciau cyfan, nid {item!r}.</translation>
    </message>
    <message>
        <source>The redaction plan&apos;s &apos;clip&apos; must be an object or null.</source>
        <translation>Rhaid i &apos;clip&apos; y cynllun golygu fod yn wrthrych neu&apos;n null.</translation>
    </message>
    <message>
        <source>The redaction plan&apos;s reason for {key!r} is not valid: targets are &apos;track:N&apos;, &apos;manual:N&apos;, &apos;audio:N&apos; or &apos;mute:START-END&apos;.</source>
        <translation>Nid yw rheswm y cynllun golygu ar gyfer {key!r} yn ddilys: y targedau yw &apos;track:N&apos;, &apos;manual:N&apos;, &apos;audio:N&apos; neu &apos;mute:START-END&apos;.</translation>
    </message>
    <message>
        <source>The redaction plan&apos;s &apos;reviewed&apos; must hold [first frame, last frame] pairs.</source>
        <translation>Rhaid i &apos;reviewed&apos; y cynllun golygu gynnwys parau [ffrâm gyntaf, ffrâm olaf].</translation>
    </message>
    <message>
        <source>Manual box {id} lies far outside any picture (its numbers go beyond {most} pixels).</source>
        <translation>Mae blwch llaw {id} ymhell y tu allan i unrhyw lun (mae ei rifau&apos;n mynd y tu hwnt i {most} picsel).</translation>
    </message>
    <message>
        <source>Manual box {id} has a width or height that is not positive.</source>
        <translation>Mae gan flwch â llaw {id} led neu uchder nad yw&apos;n bositif.</translation>
    </message>
    <message>
        <source>The redaction plan holds a number that is not finite.</source>
        <translation>Mae&apos;r cynllun golygu yn cynnwys rhif nad yw&apos;n feidraidd.</translation>
    </message>
    <message>
        <source>Strength must be 1 (light) to 5 (solid).</source>
        <translation>Rhaid i&apos;r cryfder fod rhwng 1 (ysgafn) a 5 (solet).</translation>
    </message>
    <message>
        <source>Padding must be between 1.0 and 3.0 times the face.</source>
        <translation>Rhaid i&apos;r padin fod rhwng 1.0 a 3.0 gwaith yr wyneb.</translation>
    </message>
    <message>
        <source>The margin round each face must be between 0 and {most} of the picture&apos;s longer side.</source>
        <translation>Rhaid i&apos;r ymyl o amgylch pob wyneb fod rhwng 0 a {most} o ochr hiraf y llun.</translation>
    </message>
    <message>
        <source>Time range {start_s:g}-{end_s:g} s must have start &lt; end, both &gt;= 0.</source>
        <translation>Rhaid i&apos;r ystod amser {start_s:g}-{end_s:g} e fod â dechrau &lt; diwedd, y ddau &gt;= 0.</translation>
    </message>
    <message>
        <source>Audio range {id} names track {track}; tracks count from 0.</source>
        <translation>Mae ystod sain {id} yn enwi trac {track}; mae traciau&apos;n cyfrif o 0.</translation>
    </message>
    <message>
        <source>Two audio ranges of the redaction plan share a number.</source>
        <translation>Mae dwy ystod sain yn y cynllun golygu yn rhannu rhif.</translation>
    </message>
    <message>
        <source>Track(s) {overlap} cannot be both kept and a false positive.</source>
        <translation>Ni all trac(iau) {overlap} gael eu cadw a bod yn bositif ffug ar yr un pryd.</translation>
    </message>
    <message>
        <source>The redaction plan is not valid: a field it needs is missing ({exc}).</source>
        <translation>Nid yw&apos;r cynllun golygu yn ddilys: mae maes sydd ei angen arno ar goll ({exc}).</translation>
    </message>
    <message>
        <source>The redaction plan is not valid: {exc}.</source>
        <translation>Nid yw&apos;r cynllun golygu yn ddilys: {exc}.</translation>
    </message>
    <message>
        <source>The redaction plan is version {version}; this BWV Studio reads up to version {PLAN_VERSION}.</source>
        <translation>Fersiwn {version} yw&apos;r cynllun golygu; mae&apos;r BWV Studio hwn yn darllen hyd at fersiwn {PLAN_VERSION}.</translation>
    </message>
    <message>
        <source>The redaction plan is not JSON: {exc}.</source>
        <translation>Nid JSON yw&apos;r cynllun golygu: {exc}.</translation>
    </message>
    <message>
        <source>The redaction plan must be a JSON object.</source>
        <translation>Rhaid i&apos;r cynllun golygu fod yn wrthrych JSON.</translation>
    </message>
    <message>
        <source>Unknown format {fmt!r}: use csv or jsonl.</source>
        <translation>Fformat anhysbys {fmt!r}: defnyddiwch csv neu jsonl.</translation>
    </message>
    <message>
        <source>{role!r} is not a usable role name: use lower-case letters, digits and underscores.</source>
        <translation>Nid yw {role!r} yn enw rôl y gellir ei ddefnyddio: defnyddiwch lythrennau bach, digidau a thanlinellau.</translation>
    </message>
    <message>
        <source>Workstation roles are for PostgreSQL stores; a SQLite store is one file that its user can always write.</source>
        <translation>Mae rolau gweithfannau ar gyfer storfeydd PostgreSQL; un ffeil yw storfa SQLite y gall ei defnyddiwr ysgrifennu iddi bob amser.</translation>
    </message>
    <message>
        <source>There is no PostgreSQL role {role!r}: a database administrator creates it first (CREATE ROLE {role} NOLOGIN), then each workstation&apos;s login role (CREATE ROLE ws1 LOGIN PASSWORD &apos;...&apos; IN ROLE {role}).</source>
        <translation>Nid oes rôl PostgreSQL {role!r}: mae gweinyddwr cronfa ddata yn ei chreu yn gyntaf (CREATE ROLE {role} NOLOGIN), yna rôl mewngofnodi pob gweithfan (CREATE ROLE ws1 LOGIN PASSWORD &apos;...&apos; IN ROLE {role}).</translation>
    </message>
    <message>
        <source>The box is too small to follow.</source>
        <translation>Mae&apos;r blwch yn rhy fach i&apos;w ddilyn.</translation>
    </message>
    <message>
        <source>The detection run this plan was made on is no longer stored, so its decisions cannot be matched to people on this run: use Start again.</source>
        <translation>Nid yw&apos;r rhediad canfod y gwnaed y cynllun hwn arno wedi&apos;i storio mwyach, felly ni ellir paru ei benderfyniadau â phobl yn y rhediad hwn: defnyddiwch Dechrau eto.</translation>
    </message>
    <message>
        <source>This plan was made on tracks that cannot be built again here (another version of BWV Studio built them, or the detection they came from is no longer stored), so which person each decision was about is not known: use Start again.</source>
        <translation>Gwnaed y cynllun hwn ar draciau na ellir eu hadeiladu eto yma (fersiwn arall o BWV Studio a&apos;u hadeiladodd, neu nid yw&apos;r canfod y daethant ohono wedi&apos;i storio mwyach), felly ni wyddys am ba berson yr oedd pob penderfyniad: defnyddiwch Dechrau eto.</translation>
    </message>
    <message>
        <source>keep visible</source>
        <translation>cadw&apos;n weladwy</translation>
    </message>
    <message>
        <source>not a face</source>
        <translation>nid wyneb</translation>
    </message>
    <message>
        <source>redact</source>
        <translation>cuddio</translation>
    </message>
    <message>
        <source>carry decisions to this detection run</source>
        <translation>cario penderfyniadau i&apos;r rhediad canfod hwn</translation>
    </message>
    <message>
        <source>{edit}: {action} {old} -&gt; {new}</source>
        <translation>{edit}: {action} {old} -&gt; {new}</translation>
    </message>
    <message>
        <source>{edit}; {action} {old} -&gt; {new}</source>
        <translation>{edit}; {action} {old} -&gt; {new}</translation>
    </message>
    <message>
        <source>{edit}; {count} merge(s) of one person carried</source>
        <translation>{edit}; {count} uniad un person wedi&apos;u cario</translation>
    </message>
    <message>
        <source>{edit}; {count} decision(s) not carried</source>
        <translation>{edit}; {count} penderfyniad heb eu cario</translation>
    </message>
    <message>
        <source>This review range does not ask whether two tracks are one person.</source>
        <translation>Nid yw&apos;r ystod adolygu hon yn gofyn ai un person yw dau drac.</translation>
    </message>
    <message>
        <source>{edit} (the same person; frames {first}-{last} checked)</source>
        <translation>{edit} (yr un person; fframiau {first}-{last} wedi&apos;u gwirio)</translation>
    </message>
    <message>
        <source>{edit}; only one part was kept visible, so the person is redacted again</source>
        <translation>{edit}; dim ond un rhan a gadwyd yn weladwy, felly mae&apos;r person wedi&apos;i guddio eto</translation>
    </message>
    <message>
        <source>This plan was made with another detection run (another preset, stride or model), or on tracks numbered otherwise (by another version of BWV Studio, or from an earlier detection), where the same track number can be another person. Switch back to that preset, carry the decisions over to the people of this run (you confirm each one), or use Start again.</source>
        <translation>Gwnaed y cynllun hwn gyda rhediad canfod arall (rhagosodiad, cam neu fodel arall), neu ar draciau a rifwyd yn wahanol (gan fersiwn arall o BWV Studio, neu o ganfod cynharach), lle gall yr un rhif trac fod yn berson arall. Newidiwch yn ôl i&apos;r rhagosodiad hwnnw, cariwch y penderfyniadau drosodd i bobl y rhediad hwn (rydych yn cadarnhau pob un), neu defnyddiwch Dechrau eto.</translation>
    </message>
    <message>
        <source>Detect faces first: decisions are carried to a detection run.</source>
        <translation>Canfod wynebau yn gyntaf: caiff penderfyniadau eu cario i rediad canfod.</translation>
    </message>
    <message>
        <source>Detector model {path} is missing or unreadable ({problem}); reinstall BWV Studio.</source>
        <translation>Mae model y synhwyrydd {path} ar goll neu&apos;n annarllenadwy ({problem}); gosodwch BWV Studio eto.</translation>
    </message>
    <message>
        <source>Detector model {path} is damaged (SHA-256 {found}… instead of {expected}…); reinstall BWV Studio.</source>
        <translation>Mae model y synhwyrydd {path} wedi&apos;i ddifrodi (SHA-256 {found}… yn lle {expected}…); gosodwch BWV Studio eto.</translation>
    </message>
    <message>
        <source>Unknown detection network {network!r}: use one of {names}.</source>
        <translation>Rhwydwaith canfod anhysbys {network!r}: defnyddiwch un o {names}.</translation>
    </message>
    <message>
        <source>Unknown detection preset {name!r}: use one of {names}.</source>
        <translation>Rhagosodiad canfod anhysbys {name!r}: defnyddiwch un o {names}.</translation>
    </message>
    <message>
        <source>{path}: not a readable image.</source>
        <translation>{path}: nid yw&apos;n ddelwedd ddarllenadwy.</translation>
    </message>
    <message>
        <source>{path}: stride {stride} is out of range: detect on at least one frame per second (1 to {limit} for this video).</source>
        <translation>{path}: mae&apos;r cam {stride} y tu allan i&apos;r ystod: canfyddwch ar o leiaf un ffrâm yr eiliad (1 i {limit} ar gyfer y fideo hwn).</translation>
    </message>
    <message>
        <source>ui_theme must be system, light or dark.</source>
        <translation>Rhaid i ui_theme fod yn system, light neu dark.</translation>
    </message>
    <message>
        <source>reason_codes must be a list of non-empty texts.</source>
        <translation>Rhaid i reason_codes fod yn rhestr o destunau nad ydynt yn wag.</translation>
    </message>
    <message>
        <source>Settings file {path} cannot be read: {problem}</source>
        <translation>Ni ellir darllen y ffeil gosodiadau {path}: {problem}</translation>
    </message>
    <message>
        <source>Settings file {path} does not hold a JSON object.</source>
        <translation>Nid yw&apos;r ffeil gosodiadau {path} yn dal gwrthrych JSON.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>rhif cyfan</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testun</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true neu false</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>rhestr o destunau</translation>
    </message>
    <message>
        <source>Settings file {path}: {key} must be {kind}, not {value!r}.</source>
        <translation>Ffeil gosodiadau {path}: rhaid i {key} fod yn {kind}, nid {value!r}.</translation>
    </message>
    <message>
        <source>Settings file {path} has a bad value: {problem}</source>
        <translation>Mae gan y ffeil gosodiadau {path} werth gwael: {problem}</translation>
    </message>
    <message>
        <source>The database URL {url} is not valid: {problem}</source>
        <translation>Nid yw URL y gronfa ddata {url} yn ddilys: {problem}</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: its folder {folder} cannot be created ({problem}).</source>
        <translation>Ni ellir agor y gronfa ddata {url}: ni ellir creu ei ffolder {folder} ({problem}).</translation>
    </message>
    <message>
        <source>The database URL {url} cannot be used: {problem}</source>
        <translation>Ni ellir defnyddio URL y gronfa ddata {url}: {problem}</translation>
    </message>
    <message>
        <source>The database {url} is an empty file (0 bytes), not a store: restore it from a backup, or delete the file to start a new store.</source>
        <translation>Mae&apos;r gronfa ddata {url} yn ffeil wag (0 beit), nid storfa: adferwch hi o gopi wrth gefn, neu dilëwch y ffeil i ddechrau storfa newydd.</translation>
    </message>
    <message>
        <source>The store is busy: another program or window (a worker, an ingest, a batch being queued) was writing to it and did not finish in time, so the change that needed it was not saved. Try again in a moment.</source>
        <translation>Mae&apos;r storfa&apos;n brysur: roedd rhaglen neu ffenestr arall (gweithiwr, mewnforio, swp yn cael ei giwio) yn ysgrifennu iddi ac ni orffennodd mewn pryd, felly ni chadwyd y newid a oedd ei hangen. Rhowch gynnig arall arni mewn munud.</translation>
    </message>
    <message>
        <source>The database could not complete this action: {problem}</source>
        <translation>Ni allai&apos;r gronfa ddata gwblhau&apos;r weithred hon: {problem}</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {problem}</source>
        <translation>Ni ellir agor y gronfa ddata {url}: {problem}</translation>
    </message>
    <message>
        <source>Cannot prepare the database {url}: {problem}</source>
        <translation>Ni ellir paratoi&apos;r gronfa ddata {url}: {problem}</translation>
    </message>
    <message>
        <source>The store {url} has an audit trail but its id is gone from store_info: the store was tampered with. Restore it from a backup.</source>
        <translation>Mae gan y storfa {url} drywydd archwilio ond mae ei id wedi mynd o store_info: ymyrrwyd â&apos;r storfa. Adferwch hi o gopi wrth gefn.</translation>
    </message>
    <message>
        <source>The speech model folder {folder} cannot be read ({problem}).</source>
        <translation>Ni ellir darllen ffolder y model lleferydd {folder} ({problem}).</translation>
    </message>
    <message>
        <source>The speech model folder {folder} holds {names}, which its hash list does not name; it was not loaded.</source>
        <translation>Mae ffolder y model lleferydd {folder} yn dal {names}, nad yw ei restr stwnsh yn ei enwi; ni chafodd ei lwytho.</translation>
    </message>
    <message>
        <source>The speech model file {path} is missing.</source>
        <translation>Mae ffeil y model lleferydd {path} ar goll.</translation>
    </message>
    <message>
        <source>The speech model file {path} is not the approved one (its SHA-256 differs); it was not loaded.</source>
        <translation>Nid ffeil y model lleferydd {path} yw&apos;r un a gymeradwywyd (mae ei SHA-256 yn wahanol); ni chafodd ei llwytho.</translation>
    </message>
    <message>
        <source>The speech model is not installed (the Python package {package} is missing); run the set-up again.</source>
        <translation>Nid yw&apos;r model lleferydd wedi&apos;i osod (mae&apos;r pecyn Python {package} ar goll); rhedwch y gosod eto.</translation>
    </message>
    <message>
        <source>Footage #{number} has no stored transcript of audio track {track}.</source>
        <translation>Nid oes trawsgrifiad wedi&apos;i storio o drac sain {track} ar gyfer ffilm #{number}.</translation>
    </message>
    <message>
        <source>transcribe speech</source>
        <translation>trawsgrifio lleferydd</translation>
    </message>
    <message>
        <source>The stored transcript #{transcript} of footage #{number}, audio track {track}, is not what was recorded when it was made (its SHA-256 in the audit trail): it was changed in the database. Nothing of it is used; report it, and transcribe the track again (Transcribe, or bwv transcribe).</source>
        <translation>Nid yw trawsgrifiad #{transcript} a storiwyd o ffilm #{number}, trac sain {track}, yr hyn a gofnodwyd pan gafodd ei wneud (ei SHA-256 yn y trywydd archwilio): cafodd ei newid yn y gronfa ddata. Ni ddefnyddir dim ohono; rhowch wybod amdano, a thrawsgrifiwch y trac eto (Trawsgrifio, neu bwv transcribe).</translation>
    </message>
    <message>
        <source>{folder} is not a speech model pack: {problem}</source>
        <translation>Nid yw {folder} yn becyn model lleferydd: {problem}</translation>
    </message>
    <message>
        <source>{path}: the line {line!r} is not &apos;&lt;sha256&gt;  &lt;file name&gt;&apos;.</source>
        <translation>{path}: nid yw&apos;r llinell {line!r} ar ffurf &apos;&lt;sha256&gt;  &lt;enw ffeil&gt;&apos;.</translation>
    </message>
    <message>
        <source>{path} does not list the model&apos;s files {names}.</source>
        <translation>Nid yw {path} yn rhestru ffeiliau&apos;r model {names}.</translation>
    </message>
    <message>
        <source>The speech model pack {folder} is not approved for this store: an administrator approves it with &apos;bwv speech-pack approve {folder}&apos;.</source>
        <translation>Nid yw&apos;r pecyn model lleferydd {folder} wedi&apos;i gymeradwyo ar gyfer y storfa hon: mae gweinyddwr yn ei gymeradwyo gyda &apos;bwv speech-pack approve {folder}&apos;.</translation>
    </message>
    <message>
        <source>queue jobs</source>
        <translation>ciwio tasgau</translation>
    </message>
    <message>
        <source>{folder}: give an existing folder for the working copies.</source>
        <translation>{folder}: rhowch ffolder sy&apos;n bodoli ar gyfer y copïau gwaith.</translation>
    </message>
    <message>
        <source>run batch jobs</source>
        <translation>rhedeg tasgau swp</translation>
    </message>
    <message>
        <source>Footage #{number} is not in case {reference}, so no working copy of it can be made for that case; add it to the case first. Nothing was queued.</source>
        <translation>Nid yw ffilm #{number} yn achos {reference}, felly ni ellir gwneud copi gwaith ohoni ar gyfer yr achos hwnnw; ychwanegwch hi at yr achos yn gyntaf. Ni chiwiwyd dim.</translation>
    </message>
    <message>
        <source>cancel jobs</source>
        <translation>canslo tasgau</translation>
    </message>
    <message>
        <source>Job {number} is {state}: only a queued or running job can be cancelled.</source>
        <translation>Mae tasg {number} yn {state}: dim ond tasg yn y ciw neu&apos;n rhedeg y gellir ei chanslo.</translation>
    </message>
    <message>
        <source>retry jobs</source>
        <translation>ailgynnig tasgau</translation>
    </message>
    <message>
        <source>Job {number} is {state}: only a failed or cancelled job can be retried.</source>
        <translation>Mae tasg {number} yn {state}: dim ond tasg a fethodd neu a ganslwyd y gellir ei hailgynnig.</translation>
    </message>
    <message>
        <source>Job {number} is not retried: job {other} does the same work and is queued or running.</source>
        <translation>Ni ailgynigir tasg {number}: mae tasg {other} yn gwneud yr un gwaith ac mae yn y ciw neu&apos;n rhedeg.</translation>
    </message>
    <message>
        <source>No job {number}.</source>
        <translation>Dim tasg {number}.</translation>
    </message>
    <message>
        <source>Unknown job kind {kind!r}: use detect or transcribe.</source>
        <translation>Math anhysbys o dasg {kind!r}: defnyddiwch detect neu transcribe.</translation>
    </message>
    <message>
        <source>A watch folder or case reference cannot hold a tab.</source>
        <translation>Ni all ffolder gwylio na chyfeirnod achos gynnwys tab.</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>Nid yw {folder} yn ffolder.</translation>
    </message>
    <message>
        <source>A force&apos;s cluster works on a shared PostgreSQL store; this store is {url}, which the cluster&apos;s machines cannot share.</source>
        <translation>Mae clwstwr llu yn gweithio ar storfa PostgreSQL a rennir; y storfa hon yw {url}, na all peiriannau&apos;r clwstwr ei rhannu.</translation>
    </message>
    <message>
        <source>A worker of this computer&apos;s cluster stopped and was not started again; the cluster is started afresh.</source>
        <translation>Stopiodd un o weithwyr clwstwr y cyfrifiadur hwn ac ni chafodd ei ailgychwyn; mae&apos;r clwstwr yn cael ei gychwyn o&apos;r newydd.</translation>
    </message>
    <message>
        <source>{address}: a cluster is joined over mutual TLS only; give its scheduler as tls://host:port.</source>
        <translation>{address}: dim ond dros TLS cilyddol yr ymunir â chlwstwr; rhowch ei drefnydd fel tls://gwesteiwr:porth.</translation>
    </message>
    <message>
        <source>{path}: no such certificate or key file.</source>
        <translation>{path}: nid oes ffeil tystysgrif neu allwedd o&apos;r fath.</translation>
    </message>
    <message>
        <source>Cannot join the cluster at {address}: {problem}</source>
        <translation>Methu ymuno â&apos;r clwstwr yn {address}: {problem}</translation>
    </message>
    <message>
        <source>The cluster at {address} has no workers.</source>
        <translation>Nid oes gan y clwstwr yn {address} weithwyr.</translation>
    </message>
    <message>
        <source>The cluster&apos;s workers on {hosts} opened another store than the one the jobs are in: give every machine the same PostgreSQL server by a name they all reach (not localhost).</source>
        <translation>Agorodd gweithwyr y clwstwr ar {hosts} storfa arall na&apos;r un y mae&apos;r swyddi ynddi: rhowch yr un gweinydd PostgreSQL i bob peiriant, wrth enw y gall pob un ei gyrraedd (nid localhost).</translation>
    </message>
    <message>
        <source>{folder}: the folder for working copies is not there.</source>
        <translation>{folder}: nid yw&apos;r ffolder ar gyfer copïau gwaith yno.</translation>
    </message>
    <message>
        <source>{path} is being written by another export ({holder}, since {since}); wait for it to finish, or choose another name. If no export is running, delete {lock}.</source>
        <translation>Mae allforio arall yn ysgrifennu {path} ({holder}, ers {since}); arhoswch iddo orffen, neu dewiswch enw arall. Os nad oes allforio yn rhedeg, dilëwch {lock}.</translation>
    </message>
    <message>
        <source>{path}: the recording is stored mirrored (its display matrix flips the picture, or is not a valid turn), which BWV Studio cannot yet redact safely: its faces would be looked for on a picture turned differently from the one shown. Re-encode it without the mirror and ingest that.</source>
        <translation>{path}: mae&apos;r recordiad wedi&apos;i storio fel drych (mae ei fatrics dangos yn troi&apos;r llun drosodd, neu nid yw&apos;n dro dilys), na all BWV Studio ei olygu&apos;n ddiogel eto: byddai ei wynebau&apos;n cael eu chwilio ar lun wedi&apos;i droi&apos;n wahanol i&apos;r un a ddangosir. Ail-amgodiwch ef heb y drych a mewnforiwch hwnnw.</translation>
    </message>
    <message>
        <source>{src}: the audit trail holds no record of export #{export_id} being made (with the SHA-256 of its video and manifest), so nothing vouches for its files; it is not packed (check the audit trail).</source>
        <translation>{src}: nid oes gan y trywydd archwilio gofnod o greu allforiad #{export_id} (gyda SHA-256 ei fideo a&apos;i faniffest), felly nid oes dim yn gwarantu ei ffeiliau; nid yw wedi&apos;i roi yn y pecyn (gwiriwch y trywydd archwilio).</translation>
    </message>
    <message>
        <source>{src}: the audit trail&apos;s record of export #{export_id} (event #{seq}) was altered or is not signed by the person who exported; it is not packed (check the audit trail).</source>
        <translation>{src}: newidiwyd cofnod y trywydd archwilio o allforiad #{export_id} (digwyddiad #{seq}) neu nid yw wedi&apos;i lofnodi gan y person a allforiodd; nid yw wedi&apos;i roi yn y pecyn (gwiriwch y trywydd archwilio).</translation>
    </message>
    <message>
        <source>{src}: the {what} of export #{export_id} is not the one the audit trail recorded when it was exported (event #{seq}: its SHA-256 or size differs); it is not packed (the file and the store were changed: export it again and check the audit trail).</source>
        <translation>{src}: nid {what} allforiad #{export_id} yw&apos;r un a gofnododd y trywydd archwilio pan gafodd ei allforio (digwyddiad #{seq}: mae ei SHA-256 neu ei faint yn wahanol); nid yw wedi&apos;i roi yn y pecyn (newidiwyd y ffeil a&apos;r storfa: allforiwch ef eto a gwiriwch y trywydd archwilio).</translation>
    </message>
    <message>
        <source>Export #{export_id} in the store is not the export the audit trail recorded (event #{seq}): its footage, case, plan or working-copy mark was changed; it is not packed (check the audit trail).</source>
        <translation>Nid allforiad #{export_id} yn y storfa yw&apos;r allforiad a gofnododd y trywydd archwilio (digwyddiad #{seq}): newidiwyd ei ffilm, ei achos, ei gynllun neu ei farc copi gwaith; nid yw wedi&apos;i roi yn y pecyn (gwiriwch y trywydd archwilio).</translation>
    </message>
    <message>
        <source>The store could not be reached to renew the job&apos;s lease for most of a lease, so the job was stopped before another worker could take it up.</source>
        <translation>Nid oedd modd cyrraedd y storfa i adnewyddu prydles y gwaith am y rhan fwyaf o brydles, felly ataliwyd y gwaith cyn y gallai gweithiwr arall ei gymryd.</translation>
    </message>
    <message>
        <source>The evidence store holds {value} where {holds} belongs: it was changed outside BWV Studio. The integrity check lists every value it cannot read.</source>
        <translation>Mae&apos;r storfa dystiolaeth yn dal {value} lle dylai {holds} fod: cafodd ei newid y tu allan i BWV Studio. Mae&apos;r gwiriad cywirdeb yn rhestru pob gwerth na all ei ddarllen.</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>dyddiad ac amser</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>dyddiad</translation>
    </message>
    <message>
        <source>one of a list of words</source>
        <translation>un o restr o eiriau</translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation>data JSON</translation>
    </message>
    <message>
        <source>words</source>
        <translation>geiriau</translation>
    </message>
    <message>
        <source>speech not transcribed</source>
        <translation>lleferydd heb ei drawsgrifio</translation>
    </message>
    <message>
        <source>whole track</source>
        <translation>trac cyfan</translation>
    </message>
    <message>
        <source>speaker {number}</source>
        <translation>siaradwr {number}</translation>
    </message>
    <message>
        <source>Footage #{number} has a saved redaction plan, whose frame numbers and boxes were made on its present description; describing it again would change its frames or picture size, so it is not described again.</source>
        <translation>Mae gan ffilm #{number} gynllun golygu wedi&apos;i gadw, a wnaed ei rifau ffrâm a&apos;i flychau ar ei disgrifiad presennol; byddai ei disgrifio eto yn newid ei fframiau neu faint ei llun, felly nid yw&apos;n cael ei disgrifio eto.</translation>
    </message>
    <message>
        <source>{path}: the original has changed since it was ingested (its SHA-256 differs); it is not described again.</source>
        <translation>{path}: mae&apos;r gwreiddiol wedi newid ers ei fewnforio (mae ei SHA-256 yn wahanol); nid yw&apos;n cael ei ddisgrifio eto.</translation>
    </message>
    <message>
        <source>describe footage again</source>
        <translation>disgrifio ffilm eto</translation>
    </message>
    <message>
        <source>The store became busy (another program or window was writing to it) after {done} of {total} items: their jobs are queued, the rest are not. Ask again in a moment: items whose job is still queued or running are skipped, but one whose job has finished meanwhile is queued again.</source>
        <translation>Daeth y storfa&apos;n brysur (roedd rhaglen neu ffenestr arall yn ysgrifennu iddi) ar ôl {done} o {total} eitem: mae eu tasgau yn y ciw, a&apos;r gweddill ddim. Gofynnwch eto mewn munud: caiff eitemau y mae eu tasg yn dal yn y ciw neu&apos;n rhedeg eu hepgor, ond caiff un y gorffennodd ei thasg yn y cyfamser ei chiwio eto.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>dim rheswm wedi&apos;i roi</translation>
    </message>
    <message>
        <source>Footage #{id}: {name}</source>
        <translation>Ffilm #{id}: {name}</translation>
    </message>
    <message>
        <source>Every face, head and text region found is hidden, but:</source>
        <translation>Mae pob wyneb, pen a rhanbarth testun a ganfuwyd wedi&apos;u cuddio, ond:</translation>
    </message>
    <message>
        <source>Everything is hidden but the people kept visible (inverse).</source>
        <translation>Mae popeth wedi&apos;i guddio ond y bobl a gadwyd yn weladwy (gwrthdro).</translation>
    </message>
    <message>
        <source>Kept visible: track {track} ({reason})</source>
        <translation>Wedi&apos;i gadw&apos;n weladwy: trac {track} ({reason})</translation>
    </message>
    <message>
        <source>Dismissed, left as it is: track {track} ({reason})</source>
        <translation>Wedi&apos;i wrthod, wedi&apos;i adael fel y mae: trac {track} ({reason})</translation>
    </message>
    <message>
        <source>Hidden by hand: box {box}, frames {first}-{last} ({reason})</source>
        <translation>Wedi&apos;i guddio â llaw: blwch {box}, fframiau {first}-{last} ({reason})</translation>
    </message>
    <message>
        <source>Hidden as: {style}, strength {strength} (1-5).</source>
        <translation>Wedi&apos;i guddio fel: {style}, cryfder {strength} (1-5).</translation>
    </message>
    <message>
        <source>pixelated</source>
        <translation>picselog</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>aneglur</translation>
    </message>
    <message>
        <source>solid fill</source>
        <translation>llenwad solet</translation>
    </message>
    <message>
        <source>The copy keeps the recording&apos;s metadata (device, serial numbers, times, places).</source>
        <translation>Mae&apos;r copi&apos;n cadw metadata&apos;r recordiad (dyfais, rhifau cyfresol, amseroedd, lleoedd).</translation>
    </message>
    <message>
        <source>{what} on audio track {track}</source>
        <translation>{what} ar drac sain {track}</translation>
    </message>
    <message>
        <source>voice disguised (pitch-shifted: not anonymisation on its own)</source>
        <translation>llais wedi&apos;i guddio (traw wedi&apos;i newid: nid yw&apos;n ddienwi ar ei ben ei hun)</translation>
    </message>
    <message>
        <source>Nobody is kept visible.</source>
        <translation>Nid oes neb wedi&apos;i gadw&apos;n weladwy.</translation>
    </message>
    <message>
        <source>Heads of people seen from behind are left visible.</source>
        <translation>Mae pennau pobl a welir o&apos;r tu ôl yn cael eu gadael yn weladwy.</translation>
    </message>
    <message>
        <source>Whole people are hidden, head to foot.</source>
        <translation>Mae pobl gyfan wedi&apos;u cuddio, o&apos;r pen i&apos;r traed.</translation>
    </message>
    <message>
        <source>Sound: left out of the copy.</source>
        <translation>Sain: wedi&apos;i gadael allan o&apos;r copi.</translation>
    </message>
    <message>
        <source>Sound {span}: {action} ({reason})</source>
        <translation>Sain {span}: {action} ({reason})</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>wedi&apos;i thewi</translation>
    </message>
    <message>
        <source>bleeped</source>
        <translation>wedi&apos;i bipio</translation>
    </message>
    <message>
        <source>Only {span} of the recording is exported.</source>
        <translation>Dim ond {span} o&apos;r recordiad sy&apos;n cael ei allforio.</translation>
    </message>
    <message>
        <source>No redaction plan has been saved for this footage.</source>
        <translation>Nid oes cynllun golygu wedi&apos;i gadw ar gyfer y ffilm hon.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recordiwyd</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Fideo</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Fframiau</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Sain</translation>
    </message>
    <message>
        <source>Device / officer</source>
        <translation>Dyfais / swyddog</translation>
    </message>
    <message>
        <source>Ingested</source>
        <translation>Mewnforiwyd</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Cyfnod cadw</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
    <message>
        <source>Copy the whole SHA-256</source>
        <translation>Copïo&apos;r SHA-256 cyfan</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>Gwirio nawr</translation>
    </message>
    <message>
        <source>Re-hash the original and compare with the SHA-256 recorded at ingest</source>
        <translation>Cyfrifo hash y gwreiddiol eto a&apos;i gymharu â&apos;r SHA-256 a gofnodwyd wrth fewnforio</translation>
    </message>
    <message>
        <source>Describe again</source>
        <translation>Disgrifio eto</translation>
    </message>
    <message>
        <source>Probe the original again (after checking its SHA-256) and record what this version finds otherwise: for footage an older version described, whose detection stops over its frame count</source>
        <translation>Archwilio&apos;r gwreiddiol eto (ar ôl gwirio ei SHA-256) a chofnodi&apos;r hyn y mae&apos;r fersiwn hon yn ei ganfod yn wahanol: ar gyfer ffilm a ddisgrifiodd fersiwn hŷn, y mae ei chanfod yn stopio oherwydd nifer ei fframiau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Evidential (kept beyond retention)</source>
        <translation>Tystiolaethol (cedwir y tu hwnt i&apos;r cyfnod cadw)</translation>
    </message>
    <message>
        <source>{0} {1}×{2}, {3} frames/s</source>
        <translation>{0} {1}×{2}, {3} ffrâm/e</translation>
    </message>
    <message>
        <source> (variable)</source>
        <translation> (amrywiol)</translation>
    </message>
    <message>
        <source>, rotated {0}°</source>
        <translation>, wedi&apos;i gylchdroi {0}°</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0} gan {1}</translation>
    </message>
    <message>
        <source>Deleted under the retention policy on {0}; only its record remains</source>
        <translation>Dilëwyd o dan y polisi cadw ar {0}; dim ond ei chofnod sy&apos;n weddill</translation>
    </message>
    <message>
        <source>Kept: legal hold ({0})</source>
        <translation>Cedwir: cadw cyfreithiol ({0})</translation>
    </message>
    <message>
        <source>Kept: marked evidential</source>
        <translation>Cedwir: wedi&apos;i nodi&apos;n dystiolaethol</translation>
    </message>
    <message>
        <source>Kept while case {0} is open</source>
        <translation>Cedwir tra bo achos {0} ar agor</translation>
    </message>
    <message>
        <source>Overdue for deletion since {0}</source>
        <translation>Yn hwyr i&apos;w dileu ers {0}</translation>
    </message>
    <message numerus="yes">
        <source>Due for deletion on {0} (in %n day(s)) unless marked evidential</source>
        <translation>
            <numerusform>I&apos;w dileu ar {0} (ymhen %n diwrnod) oni bai ei marcio&apos;n dystiolaethol</numerusform>
            <numerusform>I&apos;w dileu ar {0} (ymhen %n diwrnod) oni bai ei marcio&apos;n dystiolaethol</numerusform>
            <numerusform>I&apos;w dileu ar {0} (ymhen %n diwrnod) oni bai ei marcio&apos;n dystiolaethol</numerusform>
            <numerusform>I&apos;w dileu ar {0} (ymhen %n diwrnod) oni bai ei marcio&apos;n dystiolaethol</numerusform>
            <numerusform>I&apos;w dileu ar {0} (ymhen %n diwrnod) oni bai ei marcio&apos;n dystiolaethol</numerusform>
        </translation>
    </message>
    <message>
        <source>Hashing the original of #{0}…</source>
        <translation>Wrthi&apos;n cyfrifo hash gwreiddiol #{0}…</translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was checked</source>
        <translation>Canslwyd y gwirio: ni wiriwyd dim</translation>
    </message>
    <message>
        <source>✔ Unchanged since ingest</source>
        <translation>✔ Heb newid ers ei mewnforio</translation>
    </message>
    <message>
        <source>Stop hashing the original: nothing is checked or changed</source>
        <translation>Stopio cyfrifo hash y gwreiddiol: nid oes dim yn cael ei wirio na&apos;i newid</translation>
    </message>
    <message>
        <source>Nothing to verify: the original was deleted under the retention policy</source>
        <translation>Dim i&apos;w wirio: dilëwyd y gwreiddiol dan y polisi cadw</translation>
    </message>
    <message>
        <source>✔ The description stands</source>
        <translation>✔ Mae&apos;r disgrifiad yn sefyll</translation>
    </message>
    <message>
        <source>✔ Described again: {0}</source>
        <translation>✔ Disgrifiwyd eto: {0}</translation>
    </message>
    <message>
        <source>Hashing and probing the original of #{0}…</source>
        <translation>Wrthi&apos;n cyfrifo hash gwreiddiol #{0} ac yn ei archwilio…</translation>
    </message>
    <message>
        <source>Describing again cancelled: nothing was changed</source>
        <translation>Canslwyd y disgrifio eto: ni newidiwyd dim</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wrthi&apos;n canslo…</translation>
    </message>
    <message>
        <source>picture size</source>
        <translation>maint y llun</translation>
    </message>
    <message>
        <source>frame rate</source>
        <translation>cyfradd fframiau</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>frame count</source>
        <translation>nifer y fframiau</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>hyd</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>cylchdro</translation>
    </message>
    <message>
        <source>container</source>
        <translation>cynhwysydd</translation>
    </message>
    <message>
        <source>video codec</source>
        <translation>codec fideo</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>nodiadau</translation>
    </message>
    <message>
        <source>Why is this footage evidence?</source>
        <translation>Pam mae&apos;r ffilm hon yn dystiolaeth?</translation>
    </message>
    <message>
        <source>Why is this footage no longer evidence?</source>
        <translation>Pam nad yw&apos;r ffilm hon yn dystiolaeth mwyach?</translation>
    </message>
    <message>
        <source>Evidential status</source>
        <translation>Statws tystiolaethol</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>BWV Studio</source>
        <translation>BWV Studio</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copïo&apos;r manylion</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Aeth rhywbeth o&apos;i le: {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export redacted copy</source>
        <translation>Allforio copi â rhannau wedi&apos;u cuddio</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Pori…</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Picseleiddio</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Niwlio</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Solet</translation>
    </message>
    <message>
        <source>1 light … 5 solid. Blur at 1-2 is only for small background faces.</source>
        <translation>1 ysgafn … 5 solet. Mae niwlio ar 1-2 ar gyfer wynebau bach yn y cefndir yn unig.</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Elips</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Petryal</translation>
    </message>
    <message>
        <source>e.g. {case} REDACTED COPY {date} {time}</source>
        <translation>e.e. {case} COPI Â RHANNAU WEDI&apos;U CUDDIO {date} {time}</translation>
    </message>
    <message>
        <source>Keep sound (ranges hidden: {0})</source>
        <translation>Cadw&apos;r sain (ystodau wedi&apos;u cuddio: {0})</translation>
    </message>
    <message>
        <source>Remove all sound</source>
        <translation>Tynnu&apos;r holl sain</translation>
    </message>
    <message>
        <source>Keep the original&apos;s metadata (GPS position, device serial …)</source>
        <translation>Cadw metadata&apos;r gwreiddiol (safle GPS, rhif cyfresol y ddyfais …)</translation>
    </message>
    <message>
        <source>Hide the heads of people found by body, so those seen from behind are hidden too ({0} found)</source>
        <translation>Cuddio pennau pobl a ganfuwyd wrth eu corff, fel bod y rhai a welir o&apos;r tu ôl wedi&apos;u cuddio hefyd ({0} wedi&apos;u canfod)</translation>
    </message>
    <message>
        <source>Off: only faces and text are hidden. A person seen from behind can still be recognised by their hair, head and build.</source>
        <translation>I ffwrdd: dim ond wynebau a thestun a guddir. Gellir adnabod person a welir o&apos;r tu ôl o hyd wrth ei wallt, ei ben a&apos;i gorff.</translation>
    </message>
    <message>
        <source>Hide whole people, not only faces and heads (children, victims, home interiors)</source>
        <translation>Cuddio pobl gyfan, nid wynebau a phennau yn unig (plant, dioddefwyr, tu mewn i gartrefi)</translation>
    </message>
    <message>
        <source>Everyone the people detector found is hidden from head to foot, except people kept visible.</source>
        <translation>Mae pawb a ganfu&apos;r synhwyrydd pobl yn cael eu cuddio o&apos;u pen i&apos;w traed, ac eithrio pobl a gedwir yn weladwy.</translation>
    </message>
    <message>
        <source>Check the export for faces still visible</source>
        <translation>Gwirio&apos;r allforiad am wynebau sy&apos;n dal i&apos;w gweld</translation>
    </message>
    <message>
        <source>Replace files of the same name</source>
        <translation>Disodli ffeiliau sydd â&apos;r un enw</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>Gofyn am gymeradwyaeth</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Gwrthod…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Allforio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Agor y ffolder</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ffolder</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Enw&apos;r ffeil</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Arddull</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Cryfder</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Siâp</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Capsiwn</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sain</translation>
    </message>
    <message>
        <source>the export settings</source>
        <translation>gosodiadau&apos;r allforio</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Ffolder allforio</translation>
    </message>
    <message>
        <source>{0} review range(s) not marked as reviewed: a missed face is most likely there (N jumps to the next).</source>
        <translation>Ystodau adolygu heb eu marcio wedi&apos;u hadolygu: {0}; dyna&apos;r lle mwyaf tebygol i wyneb a fethwyd fod (mae N yn neidio i&apos;r nesaf).</translation>
    </message>
    <message>
        <source>Faces have not been detected yet; the export will detect them first.</source>
        <translation>Nid yw&apos;r wynebau wedi&apos;u canfod eto; bydd yr allforio&apos;n eu canfod yn gyntaf.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Gwrthod</translation>
    </message>
    <message>
        <source>Why is the plan rejected?</source>
        <translation>Pam mae&apos;r cynllun yn cael ei wrthod?</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>Heb ofyn amdani</translation>
    </message>
    <message>
        <source>Awaiting a supervisor</source>
        <translation>Yn aros am oruchwyliwr</translation>
    </message>
    <message>
        <source>Approved by {0}</source>
        <translation>Cymeradwywyd gan {0}</translation>
    </message>
    <message>
        <source>Rejected by {0}: {1}</source>
        <translation>Gwrthodwyd gan {0}: {1}</translation>
    </message>
    <message>
        <source> (required before export)</source>
        <translation> (yn ofynnol cyn allforio)</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (dewisol)</translation>
    </message>
    <message>
        <source>The file name must end in .mp4.</source>
        <translation>Rhaid i enw&apos;r ffeil orffen gyda .mp4.</translation>
    </message>
    <message>
        <source>The plan has changed, so it needs a supervisor&apos;s approval again before it can be exported.</source>
        <translation>Mae&apos;r cynllun wedi newid, felly mae angen cymeradwyaeth goruchwyliwr arno eto cyn y gellir ei allforio.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Canslwyd yr allforio; ni ysgrifennwyd dim.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi&apos;n dechrau…</translation>
    </message>
    <message>
        <source>Checking the original&apos;s SHA-256</source>
        <translation>Wrthi&apos;n gwirio SHA-256 y gwreiddiol</translation>
    </message>
    <message>
        <source>Detecting faces</source>
        <translation>Wrthi&apos;n canfod wynebau</translation>
    </message>
    <message>
        <source>Writing the redacted video</source>
        <translation>Wrthi&apos;n ysgrifennu&apos;r fideo â rhannau wedi&apos;u cuddio</translation>
    </message>
    <message>
        <source>Checking the export for faces</source>
        <translation>Wrthi&apos;n gwirio&apos;r allforiad am wynebau</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>Ysgrifennwyd: {0}</translation>
    </message>
    <message>
        <source>SHA-256: {0}</source>
        <translation>SHA-256: {0}</translation>
    </message>
    <message>
        <source>Manifest: {0}</source>
        <translation>Maniffest: {0}</translation>
    </message>
    <message>
        <source>Audit extract: {0}</source>
        <translation>Detholiad archwilio: {0}</translation>
    </message>
    <message>
        <source>Frames: {0}, with redactions: {1}</source>
        <translation>Fframiau: {0}, â rhannau wedi&apos;u cuddio: {1}</translation>
    </message>
    <message>
        <source>The export was not checked for visible faces.</source>
        <translation>Ni wiriwyd yr allforiad am wynebau gweladwy.</translation>
    </message>
    <message>
        <source>WARNING: {0} possible face(s) still visible; check these frames before release:</source>
        <translation>RHYBUDD: wynebau posibl sy&apos;n dal i&apos;w gweld: {0}; gwiriwch y fframiau hyn cyn rhyddhau:</translation>
    </message>
    <message>
        <source>{0} text region(s) (plates, screens, documents) nobody decided about; check these frames before release:</source>
        <translation>{0} ardal(oedd) testun (platiau, sgriniau, dogfennau) na phenderfynodd neb amdanynt; gwiriwch y fframiau hyn cyn rhyddhau:</translation>
    </message>
    <message>
        <source>face not covered</source>
        <translation>wyneb heb ei guddio</translation>
    </message>
    <message>
        <source>face partly covered</source>
        <translation>wyneb wedi&apos;i guddio&apos;n rhannol</translation>
    </message>
    <message>
        <source>redaction too weak</source>
        <translation>cuddio&apos;n rhy wan</translation>
    </message>
    <message>
        <source>text nobody decided about (plate, screen, document)</source>
        <translation>testun na phenderfynodd neb amdano (plât, sgrin, dogfen)</translation>
    </message>
    <message>
        <source>  {0}: frame {1} ({2:.2f} s)</source>
        <translation>  {0}: ffrâm {1} ({2:.2f} s)</translation>
    </message>
    <message>
        <source>Check passed: no visible face found in the export other than those kept visible.</source>
        <translation>Llwyddodd y gwiriad: ni chanfuwyd wyneb gweladwy yn yr allforiad heblaw&apos;r rhai a gadwyd yn weladwy.</translation>
    </message>
    <message>
        <source>Check passed: no visible face found in the export.</source>
        <translation>Llwyddodd y gwiriad: ni chanfuwyd wyneb gweladwy yn yr allforiad.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Creu&apos;r gweinyddwr</translation>
    </message>
    <message>
        <source>This store has no accounts yet. Create its administrator, who then adds everyone else.</source>
        <translation>Nid oes gan y storfa hon unrhyw gyfrifon eto. Crëwch ei gweinyddwr, a fydd wedyn yn ychwanegu pawb arall.</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>o leiaf {0} nod</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Teipiwch y cyfrinair eto</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Creu a mewngofnodi</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Mae&apos;r ddau gyfrinair yn wahanol.</translation>
    </message>
</context>
<context>
    <name>FlagCategory</name>
    <message>
        <source>Evidence</source>
        <translation>Tystiolaeth</translation>
    </message>
    <message>
        <source>Use of force</source>
        <translation>Defnyddio grym</translation>
    </message>
    <message>
        <source>Disclosure candidate</source>
        <translation>I&apos;w ystyried ar gyfer datgelu</translation>
    </message>
    <message>
        <source>Sensitive: minor</source>
        <translation>Sensitif: plentyn dan oed</translation>
    </message>
    <message>
        <source>Sensitive: medical</source>
        <translation>Sensitif: meddygol</translation>
    </message>
    <message>
        <source>Sensitive: home interior</source>
        <translation>Sensitif: tu mewn i gartref</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygu</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Cyfaddas</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Edit flag</source>
        <translation>Golygu nod</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Ystod</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message>
        <source>Start</source>
        <translation>Dechrau</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Diwedd</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categori</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Awdur</translation>
    </message>
    <message>
        <source>Filter flags…</source>
        <translation>Hidlo nodau…</translation>
    </message>
</context>
<context>
    <name>FootageTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Hyd</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Fframiau</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Maint</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recordiwyd</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Cyfnod cadw</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Device / officer</source>
        <translation>Dyfais / swyddog</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dilëwyd</translation>
    </message>
    <message>
        <source>Kept (legal hold)</source>
        <translation>Cedwir (cadw cyfreithiol)</translation>
    </message>
    <message>
        <source>Kept (evidential)</source>
        <translation>Cedwir (tystiolaethol)</translation>
    </message>
    <message>
        <source>Kept (open case {0})</source>
        <translation>Cedwir (achos agored {0})</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Yn hwyr</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
            <numerusform>%n diwrnod ar ôl</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FootageView</name>
    <message>
        <source>Add flag at playhead</source>
        <translation>Ychwanegu nod wrth y pen chwarae</translation>
    </message>
    <message>
        <source>Add flag</source>
        <translation>Ychwanegu nod</translation>
    </message>
    <message>
        <source>Move flag</source>
        <translation>Symud nod</translation>
    </message>
    <message>
        <source>Delete flag</source>
        <translation>Dileu nod</translation>
    </message>
    <message>
        <source>Edit flag</source>
        <translation>Golygu nod</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <source>Adding footage</source>
        <translation>Wrthi&apos;n ychwanegu ffilm</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wrthi&apos;n dechrau…</translation>
    </message>
    <message>
        <source>File {0} of {1}: {2}</source>
        <translation>Ffeil {0} o {1}: {2}</translation>
    </message>
    <message>
        <source>{0} added, {1} already present, {2} failed.</source>
        <translation>Ychwanegwyd: {0}; yno eisoes: {1}; wedi methu: {2}.</translation>
    </message>
    <message>
        <source>Not linked to case {0}: {1}</source>
        <translation>Heb ei gysylltu ag achos {0}: {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) linked to case {0}.</source>
        <translation>
            <numerusform>%n eitem wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem wedi&apos;u cysylltu ag achos {0}.</numerusform>
            <numerusform>%n eitem wedi&apos;u cysylltu ag achos {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding footage failed: {0}</source>
        <translation>Methwyd ychwanegu ffilm: {0}</translation>
    </message>
    <message>
        <source>Cancelled. Files already added stay in the library.</source>
        <translation>Canslwyd. Mae&apos;r ffeiliau a ychwanegwyd eisoes yn aros yn y llyfrgell.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wrthi&apos;n canslo…</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Verify integrity</source>
        <translation>Gwirio cywirdeb</translation>
    </message>
    <message>
        <source>Checks the audit trail&apos;s chain and signatures, rebuilds users, footage, plans, exports and rules from it, checks the anchors and re-hashes every export.</source>
        <translation>Yn gwirio cadwyn a llofnodion y trywydd archwilio, yn ailadeiladu defnyddwyr, ffilm, cynlluniau, allforion a rheolau ohono, yn gwirio&apos;r angorau ac yn ail-stwnsio pob allforyn.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Gwirio nawr</translation>
    </message>
    <message>
        <source>Check with a folder of packs…</source>
        <translation>Gwirio gyda ffolder o becynnau…</translation>
    </message>
    <message>
        <source>Also check every anchor, audit extract and pack in a folder (the disclosure share, a court bundle, saved checkpoints)</source>
        <translation>Gwirio hefyd bob angor, detholiad archwilio a phecyn mewn ffolder (y gyfran ddatgelu, bwndel llys, pwyntiau gwirio a gadwyd)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Folder of packs and checkpoints</source>
        <translation>Ffolder o becynnau a phwyntiau gwirio</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Yn gwirio…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was checked to the end.</source>
        <translation>Canslwyd: ni wiriwyd dim hyd y diwedd.</translation>
    </message>
    <message>
        <source>UNREADABLE: {0} (changed outside BWV Studio)</source>
        <translation>ANNARLLENADWY: {0} (newidiwyd y tu allan i BWV Studio)</translation>
    </message>
    <message>
        <source>UNREADABLE: and {0} more values like these.</source>
        <translation>ANNARLLENADWY: a {0} gwerth arall fel y rhain.</translation>
    </message>
    <message>
        <source>NOT FINISHED: the store could not be reached part-way, so some checks did not run (below); the checks that finished found nothing changed. Check again once the store can be reached.</source>
        <translation>HEB ORFFEN: ni ellid cyrraedd y storfa hanner ffordd, felly ni redodd rhai gwiriadau (isod); ni chanfu&apos;r gwiriadau a orffennodd ddim wedi newid. Gwiriwch eto pan ellir cyrraedd y storfa.</translation>
    </message>
    <message>
        <source>Chain intact: {0} events, head {1}.</source>
        <translation>Cadwyn yn gyfan: {0} digwyddiad, pen {1}.</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Nodyn: {0}</translation>
    </message>
    <message>
        <source>Chain BROKEN ({0}) at event #{1}: {2}</source>
        <translation>Cadwyn WEDI TORRI ({0}) yn nigwyddiad #{1}: {2}</translation>
    </message>
    <message>
        <source>TAMPERED ({0}): {1}</source>
        <translation>WEDI&apos;I YMYRRYD ({0}): {1}</translation>
    </message>
    <message>
        <source>Signatures: {0} events signed and verified; {1} unsigned, by accounts without a signing key.</source>
        <translation>Llofnodion: {0} digwyddiad wedi&apos;u llofnodi a&apos;u gwirio; {1} heb eu llofnodi, gan gyfrifon heb allwedd lofnodi.</translation>
    </message>
    <message>
        <source>Root key: {0} ({1}&apos;s, registered by event #{2}).</source>
        <translation>Allwedd wraidd: {0} (un {1}, wedi&apos;i chofrestru gan ddigwyddiad #{2}).</translation>
    </message>
    <message>
        <source>Root key: none yet (a store made before signing).</source>
        <translation>Allwedd wraidd: dim eto (storfa a wnaed cyn llofnodi).</translation>
    </message>
    <message>
        <source>No administrator has vouched for the keys of: {0}.</source>
        <translation>Nid oes gweinyddwr wedi gwarantu allweddi: {0}.</translation>
    </message>
    <message>
        <source>NOT CHECKED: {0} stopped: {1} ({2})</source>
        <translation>HEB EI WIRIO: stopiodd {0}: {1} ({2})</translation>
    </message>
    <message>
        <source>NOT CHECKED: {0} stopped: {1}</source>
        <translation>HEB EI WIRIO: stopiodd {0}: {1}</translation>
    </message>
    <message>
        <source>ANCHOR BROKEN: {0}</source>
        <translation>ANGOR WEDI TORRI: {0}</translation>
    </message>
    <message>
        <source>Anchors: {0} of {1} held by the store.</source>
        <translation>Angorau: {0} o {1} yn cael eu dal gan y storfa.</translation>
    </message>
    <message>
        <source>EXPORT {0}: {1}</source>
        <translation>ALLFORYN {0}: {1}</translation>
    </message>
    <message>
        <source>Exports: {0} of {1} match their recorded SHA-256.</source>
        <translation>Allforion: {0} o {1} yn cyfateb i&apos;w SHA-256 a gofnodwyd.</translation>
    </message>
    <message>
        <source>Intact: nothing checked was changed, and every signature verifies.</source>
        <translation>Yn gyfan: ni newidiwyd dim a wiriwyd, ac mae pob llofnod yn dilysu.</translation>
    </message>
    <message>
        <source>TAMPERED or damaged: see the red lines below.</source>
        <translation>WEDI&apos;I YMYRRYD neu wedi&apos;i ddifrodi: gweler y llinellau coch isod.</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>queued</source>
        <translation>yn y ciw</translation>
    </message>
    <message>
        <source>running</source>
        <translation>yn rhedeg</translation>
    </message>
    <message>
        <source>done</source>
        <translation>wedi&apos;i gwneud</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>wedi methu</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi&apos;i chanslo</translation>
    </message>
</context>
<context>
    <name>JobsDialog</name>
    <message>
        <source>Jobs</source>
        <translation>Tasgau</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tasg</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <source>Footage</source>
        <translation>Ffilm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Cynigion</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Gwall</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>Detect faces</source>
        <translation>Canfod wynebau</translation>
    </message>
    <message>
        <source>Transcribe speech</source>
        <translation>Trawsgrifio lleferydd</translation>
    </message>
    <message>
        <source>Working copy (every face redacted; never released)</source>
        <translation>Copi gwaith (pob wyneb wedi&apos;i guddio; byth yn cael ei ryddhau)</translation>
    </message>
    <message>
        <source>Queue for the footage of case {0}</source>
        <translation>Ciwio ar gyfer ffilm achos {0}</translation>
    </message>
    <message>
        <source>Queue for the case&apos;s footage</source>
        <translation>Ciwio ar gyfer ffilm yr achos</translation>
    </message>
    <message>
        <source>One job per footage item of the case chosen in the library; &apos;bwv worker&apos; runs them</source>
        <translation>Un dasg ar gyfer pob eitem ffilm yn yr achos a ddewiswyd yn y llyfrgell; mae &apos;bwv worker&apos; yn eu rhedeg</translation>
    </message>
    <message>
        <source>Choose a case in the library first</source>
        <translation>Dewiswch achos yn y llyfrgell yn gyntaf</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Canslo&apos;r dasg</translation>
    </message>
    <message>
        <source>Retry job</source>
        <translation>Ailgynnig y dasg</translation>
    </message>
    <message>
        <source>Jobs run on a computer running &apos;bwv worker&apos;. They store detection runs and transcripts, or write working copies marked on every frame; they never release anything.</source>
        <translation>Mae swyddi&apos;n rhedeg ar gyfrifiadur sy&apos;n rhedeg &apos;bwv worker&apos;. Maen nhw&apos;n storio rhediadau canfod a thrawsgrifiadau, neu&apos;n ysgrifennu copïau gwaith wedi&apos;u marcio ar bob ffrâm; nid ydyn nhw byth yn rhyddhau dim.</translation>
    </message>
    <message>
        <source>Folder for the working copies (a share the workers can write)</source>
        <translation>Ffolder ar gyfer y copïau gwaith (cyfran y gall y gweithwyr ysgrifennu iddi)</translation>
    </message>
    <message>
        <source>detect ({0})</source>
        <translation>canfod ({0})</translation>
    </message>
    <message>
        <source>working copy ({0})</source>
        <translation>copi gwaith ({0})</translation>
    </message>
    <message>
        <source>transcribe</source>
        <translation>trawsgrifio</translation>
    </message>
</context>
<context>
    <name>LanesView</name>
    <message>
        <source>No sound</source>
        <translation>Dim sain</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Show the footage of one case</source>
        <translation>Dangos ffilm un achos</translation>
    </message>
    <message>
        <source>All footage</source>
        <translation>Pob ffilm</translation>
    </message>
    <message>
        <source>Filter by file, case, date (UTC), device…</source>
        <translation>Hidlo yn ôl ffeil, achos, dyddiad (UTC), dyfais…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wrthi&apos;n llwytho…</translation>
    </message>
    <message>
        <source>Add footage</source>
        <translation>Ychwanegu ffilm</translation>
    </message>
    <message>
        <source>Video files ({0});;All files (*)</source>
        <translation>Ffeiliau fideo ({0});;Pob ffeil (*)</translation>
    </message>
    <message>
        <source>Add a folder of footage</source>
        <translation>Ychwanegu ffolder o ffilmiau</translation>
    </message>
    <message>
        <source>Case {0}</source>
        <translation>Achos {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n footage item(s)</source>
        <translation>
            <numerusform>%n eitem ffilm</numerusform>
            <numerusform>%n eitem ffilm</numerusform>
            <numerusform>%n eitem ffilm</numerusform>
            <numerusform>%n eitem ffilm</numerusform>
            <numerusform>%n eitem ffilm</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the library: {0}</source>
        <translation>Methu llwytho&apos;r llyfrgell: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BWV Studio</source>
        <translation>BWV Studio</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Nodau</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Lleferydd</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygu</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Cuddio</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Cronfa ddata: {0}</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Adnewyddu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ga&amp;dael</translation>
    </message>
    <message>
        <source>&amp;About BWV Studio</source>
        <translation>&amp;Ynghylch BWV Studio</translation>
    </message>
    <message>
        <source>&amp;Add footage…</source>
        <translation>&amp;Ychwanegu ffilm…</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Ychwanegu ff&amp;older…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Gosodiadau…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Ne&amp;wid defnyddiwr…</translation>
    </message>
    <message>
        <source>Let someone else sign in without closing the window (audited)</source>
        <translation>Gadael i rywun arall fewngofnodi heb gau&apos;r ffenestr (archwilir)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Dadwneud</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ailwneud</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Golygu</translation>
    </message>
    <message>
        <source>&amp;Redact this footage</source>
        <translation>&amp;Cuddio rhannau o&apos;r ffilm hon</translation>
    </message>
    <message>
        <source>&amp;Go to time or frame…</source>
        <translation>&amp;Mynd i amser neu ffrâm…</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Sgrin lawn</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Gwe&amp;ld</translation>
    </message>
    <message>
        <source>&amp;Retention…</source>
        <translation>Polisi &amp;cadw…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Offer</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Defnyddwyr…</translation>
    </message>
    <message>
        <source>&amp;Jobs…</source>
        <translation>&amp;Tasgau…</translation>
    </message>
    <message>
        <source>&amp;Verify integrity…</source>
        <translation>&amp;Gwirio cywirdeb…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
    <message>
        <source>Signed in as {0} ({1})</source>
        <translation>Wedi mewngofnodi fel {0} ({1})</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Chwarae neu oedi</translation>
    </message>
    <message>
        <source>Play faster / slower (paused: J steps back 1 s)</source>
        <translation>Chwarae&apos;n gyflymach / arafach (wedi oedi: mae J yn camu&apos;n ôl 1 s)</translation>
    </message>
    <message>
        <source>Right / Left</source>
        <translation>Right / Left</translation>
    </message>
    <message>
        <source>Next / previous frame</source>
        <translation>Ffrâm nesaf / flaenorol</translation>
    </message>
    <message>
        <source>Shift+Right / Shift+Left</source>
        <translation>Shift+Right / Shift+Left</translation>
    </message>
    <message>
        <source>Forward / back 5 seconds</source>
        <translation>Ymlaen / yn ôl 5 eiliad</translation>
    </message>
    <message>
        <source>First / last frame</source>
        <translation>Ffrâm gyntaf / olaf</translation>
    </message>
    <message>
        <source>Add a flag at the playhead</source>
        <translation>Ychwanegu nod wrth y pen chwarae</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected flag (timeline)</source>
        <translation>Dileu&apos;r nod a ddewiswyd (llinell amser)</translation>
    </message>
    <message>
        <source>Double-click a flag</source>
        <translation>Clicio ddwywaith ar nod</translation>
    </message>
    <message>
        <source>Edit it</source>
        <translation>Ei olygu</translation>
    </message>
    <message>
        <source>Undo / redo flag edits</source>
        <translation>Dadwneud / ailwneud newidiadau i nodau</translation>
    </message>
    <message>
        <source>Go to a time or frame</source>
        <translation>Mynd i amser neu ffrâm</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Sgrin lawn</translation>
    </message>
    <message>
        <source>Add footage</source>
        <translation>Ychwanegu ffilm</translation>
    </message>
    <message>
        <source>Reload the library and the cases</source>
        <translation>Ail-lwytho&apos;r llyfrgell a&apos;r achosion</translation>
    </message>
    <message>
        <source>Open the redaction workspace</source>
        <translation>Agor y man gwaith cuddio</translation>
    </message>
    <message>
        <source>Workspace: detect faces</source>
        <translation>Man gwaith: canfod wynebau</translation>
    </message>
    <message>
        <source>Workspace: redacted preview / boxes</source>
        <translation>Man gwaith: rhagolwg o&apos;r cuddio / blychau</translation>
    </message>
    <message>
        <source>Workspace: draw a box (drag on the video)</source>
        <translation>Man gwaith: lluniadu blwch (llusgo ar y fideo)</translation>
    </message>
    <message>
        <source>Workspace: follow the selected box</source>
        <translation>Man gwaith: dilyn y blwch a ddewiswyd</translation>
    </message>
    <message>
        <source>Workspace: next review warning / mark it reviewed</source>
        <translation>Man gwaith: y rhybudd adolygu nesaf / ei farcio wedi&apos;i adolygu</translation>
    </message>
    <message>
        <source>Workspace: merge the selected tracks (the same person)</source>
        <translation>Man gwaith: cyfuno&apos;r traciau a ddewiswyd (yr un person)</translation>
    </message>
    <message>
        <source>Workspace: mute the range selected on the lanes</source>
        <translation>Man gwaith: tewi&apos;r ystod a ddewiswyd ar y lonydd</translation>
    </message>
    <message>
        <source>Workspace: export</source>
        <translation>Man gwaith: allforio</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr bysellfwrdd</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Mynd i</translation>
    </message>
    <message>
        <source>Time (HH:MM:SS.mmm) or frame number (#123):</source>
        <translation>Amser (HH:MM:SS.mmm) neu rif ffrâm (#123):</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>heb ei ganfod</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>MISSING OR CHANGED</source>
        <translation>AR GOLL NEU WEDI NEWID</translation>
    </message>
    <message>
        <source>&lt;p&gt;Offline redaction and disclosure of body-worn video.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cuddio a datgelu fideo a wisgir ar y corff, all-lein.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Detector models</source>
        <translation>Modelau canfod</translation>
    </message>
    <message>
        <source>About BWV Studio</source>
        <translation>Ynghylch BWV Studio</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Work is still running (detection, a pack, an import). Quit anyway? It is stopped, and nothing half-finished is kept.</source>
        <translation>Mae gwaith yn dal i redeg (canfod, pecyn, mewnforio). Gadael beth bynnag? Caiff ei atal, ac ni chedwir dim sydd wedi&apos;i hanner gorffen.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Achos newydd</translation>
    </message>
    <message>
        <source>e.g. SAR-2026-001</source>
        <translation>e.e. SAR-2026-001</translation>
    </message>
    <message>
        <source>No personal data: the title is audited</source>
        <translation>Dim data personol: caiff y teitl ei gofnodi yn y trywydd archwilio</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>Gosod â llaw</translation>
    </message>
    <message>
        <source>None set by law: set it by hand</source>
        <translation>Dim wedi&apos;i osod gan y gyfraith: gosodwch ef â llaw</translation>
    </message>
    <message>
        <source>Subject access and FOI requests get their statutory deadline from the date received unless one is set by hand.</source>
        <translation>Mae ceisiadau gwrthrych am wybodaeth a cheisiadau Rhyddid Gwybodaeth yn cael eu dyddiad cau statudol o&apos;r dyddiad derbyn oni bai bod un wedi&apos;i osod â llaw.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Teitl</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Dyddiad derbyn</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Dyddiad cau</translation>
    </message>
    <message>
        <source>A case needs a reference.</source>
        <translation>Mae angen cyfeirnod ar achos.</translation>
    </message>
</context>
<context>
    <name>OpenItemsDialog</name>
    <message>
        <source>Approve the redaction</source>
        <translation>Cymeradwyo&apos;r golygu</translation>
    </message>
    <message>
        <source>What you approve (read it first):</source>
        <translation>Yr hyn rydych yn ei gymeradwyo (darllenwch ef yn gyntaf):</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) nobody has dealt with. Approving means you answer for each: give a reason in its row, or go through the whole list and tick &quot;All reviewed&quot;. The answers are recorded with the approval and in the disclosure record.</source>
        <translation>
            <numerusform>%n eitem nad oes neb wedi delio â hi. Mae cymeradwyo&apos;n golygu eich bod yn ateb am bob un: rhowch reswm yn ei rhes, neu ewch drwy&apos;r rhestr gyfan a thiciwch “Adolygwyd y cyfan”. Cofnodir yr atebion gyda&apos;r gymeradwyaeth ac yn y cofnod datgelu.</numerusform>
            <numerusform>%n eitem nad oes neb wedi delio â hi. Mae cymeradwyo&apos;n golygu eich bod yn ateb am bob un: rhowch reswm yn ei rhes, neu ewch drwy&apos;r rhestr gyfan a thiciwch “Adolygwyd y cyfan”. Cofnodir yr atebion gyda&apos;r gymeradwyaeth ac yn y cofnod datgelu.</numerusform>
            <numerusform>%n eitem nad oes neb wedi delio â hi. Mae cymeradwyo&apos;n golygu eich bod yn ateb am bob un: rhowch reswm yn ei rhes, neu ewch drwy&apos;r rhestr gyfan a thiciwch “Adolygwyd y cyfan”. Cofnodir yr atebion gyda&apos;r gymeradwyaeth ac yn y cofnod datgelu.</numerusform>
            <numerusform>%n eitem nad oes neb wedi delio â hi. Mae cymeradwyo&apos;n golygu eich bod yn ateb am bob un: rhowch reswm yn ei rhes, neu ewch drwy&apos;r rhestr gyfan a thiciwch “Adolygwyd y cyfan”. Cofnodir yr atebion gyda&apos;r gymeradwyaeth ac yn y cofnod datgelu.</numerusform>
            <numerusform>%n eitem nad oes neb wedi delio â hi. Mae cymeradwyo&apos;n golygu eich bod yn ateb am bob un: rhowch reswm yn ei rhes, neu ewch drwy&apos;r rhestr gyfan a thiciwch “Adolygwyd y cyfan”. Cofnodir yr atebion gyda&apos;r gymeradwyaeth ac yn y cofnod datgelu.</numerusform>
        </translation>
    </message>
    <message>
        <source>No open items to answer.</source>
        <translation>Dim eitemau agored i&apos;w hateb.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eitem</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ateb</translation>
    </message>
    <message>
        <source>All reviewed: I have gone through every item above</source>
        <translation>Adolygwyd y cyfan: rwyf wedi mynd drwy bob eitem uchod</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Cymeradwyo</translation>
    </message>
    <message>
        <source>Note on the approval (optional, recorded)</source>
        <translation>Nodyn ar y gymeradwyaeth (dewisol, wedi&apos;i gofnodi)</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>The reason is recorded with this edit, in the manifest and in the disclosure record.</source>
        <translation>Cofnodir y rheswm gyda&apos;r golygiad hwn, yn y maniffest ac yn y cofnod datgelu.</translation>
    </message>
    <message>
        <source>Why is text {0} kept visible?</source>
        <translation>Pam mae testun {0} yn cael ei gadw&apos;n weladwy?</translation>
    </message>
    <message>
        <source>Why is person {0} kept visible?</source>
        <translation>Pam mae person {0} yn cael ei gadw&apos;n weladwy?</translation>
    </message>
    <message>
        <source>Why is person {0} the only one kept visible?</source>
        <translation>Pam mai person {0} yw&apos;r unig un a gedwir yn weladwy?</translation>
    </message>
    <message>
        <source>Keep text {0} visible…</source>
        <translation>Cadw testun {0} yn weladwy…</translation>
    </message>
    <message>
        <source>Redact text {0}</source>
        <translation>Golygu testun {0}</translation>
    </message>
    <message>
        <source>Not identifying: leave it visible</source>
        <translation>Nid yw&apos;n adnabod neb: ei adael yn weladwy</translation>
    </message>
    <message>
        <source>Keep person {0} visible…</source>
        <translation>Cadw person {0} yn weladwy…</translation>
    </message>
    <message>
        <source>Redact person {0}</source>
        <translation>Golygu person {0}</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Nid wyneb</translation>
    </message>
    <message>
        <source>Not a person: leave it visible</source>
        <translation>Nid person: gadael yn weladwy</translation>
    </message>
    <message>
        <source>Redact person {0} (heads are not hidden in this plan: export options)</source>
        <translation>Golygu person {0} (nid yw pennau&apos;n cael eu cuddio yn y cynllun hwn: dewisiadau allforio)</translation>
    </message>
    <message>
        <source>Keep only person {0}, hide everything else…</source>
        <translation>Cadw person {0} yn unig, cuddio popeth arall…</translation>
    </message>
    <message>
        <source>Delete box M{0}</source>
        <translation>Dileu blwch M{0}</translation>
    </message>
    <message>
        <source>Person {0} is one person now and redacted again: only one part was kept visible. Keep them visible again if they should be seen.</source>
        <translation>Mae person {0} yn un person bellach ac wedi&apos;i guddio eto: dim ond un rhan a gadwyd yn weladwy. Cadwch nhw&apos;n weladwy eto os dylid eu gweld.</translation>
    </message>
    <message>
        <source>Select a manual box to follow.</source>
        <translation>Dewiswch flwch â llaw i&apos;w ddilyn.</translation>
    </message>
    <message>
        <source>The selected box is not on this frame.</source>
        <translation>Nid yw&apos;r blwch a ddewiswyd ar y ffrâm hon.</translation>
    </message>
    <message>
        <source>Following box {0}…</source>
        <translation>Wrthi&apos;n dilyn blwch {0}…</translation>
    </message>
    <message>
        <source>Box {0} followed to frame {1}; check it.</source>
        <translation>Dilynwyd blwch {0} i ffrâm {1}; gwiriwch ef.</translation>
    </message>
    <message>
        <source>No review ranges left to check.</source>
        <translation>Nid oes ystodau adolygu ar ôl i&apos;w gwirio.</translation>
    </message>
    <message>
        <source>{0} faces appeared away from the picture edge (people {1})</source>
        <translation>ymddangosodd {0} wyneb i ffwrdd o ymyl y llun (pobl {1})</translation>
    </message>
    <message>
        <source>{0} faces vanished away from the picture edge (people {1})</source>
        <translation>diflannodd {0} wyneb i ffwrdd o ymyl y llun (pobl {1})</translation>
    </message>
    <message>
        <source>{0}; people lost or found while it swings: {1}</source>
        <translation>{0}; pobl a gollwyd neu a ganfuwyd tra mae&apos;n troi: {1}</translation>
    </message>
    <message>
        <source>{0}; people lost or found at its ends: {1}</source>
        <translation>{0}; pobl a gollwyd neu a ganfuwyd ar ei ddau ben: {1}</translation>
    </message>
    <message>
        <source>faces lost right after frames with faces</source>
        <translation>collwyd wynebau yn syth ar ôl fframiau ag wynebau</translation>
    </message>
    <message>
        <source>a face vanished away from the picture edge</source>
        <translation>diflannodd wyneb i ffwrdd o ymyl y llun</translation>
    </message>
    <message>
        <source>a face appeared away from the picture edge</source>
        <translation>ymddangosodd wyneb i ffwrdd o ymyl y llun</translation>
    </message>
    <message>
        <source>no face found in this stretch</source>
        <translation>ni chanfuwyd wyneb yn y darn hwn</translation>
    </message>
    <message>
        <source>the camera swings fast here: faces may be blurred or their boxes behind</source>
        <translation>mae&apos;r camera&apos;n troi&apos;n gyflym yma: gall wynebau fod yn aneglur neu eu blychau ar ei hôl hi</translation>
    </message>
    <message>
        <source>person {0}, kept visible, was lost here and found again near where they were last seen (the last frame): is it the same person? R if it is; if not, Split here: cut where they were found again, the rest redacted</source>
        <translation>collwyd person {0}, a gedwir yn y golwg, yma a&apos;i ganfod eto ger y man y&apos;i gwelwyd ddiwethaf (y ffrâm olaf): ai&apos;r un person ydyw? R os ydyw; os nad ydyw, Hollti yma: torri lle y&apos;i canfuwyd eto, a chuddio&apos;r gweddill</translation>
    </message>
    <message>
        <source>person {0} was lost and person {1} found beside them: the same person? S merges them and covers the frames between; R if they are not</source>
        <translation>collwyd person {0} a chanfuwyd person {1} wrth ei ymyl: yr un person? Mae S yn eu cyfuno ac yn cuddio&apos;r fframiau rhyngddynt; R os nad ydynt</translation>
    </message>
    <message>
        <source>Review frames {0}-{1}: {2}. {3} left.</source>
        <translation>Adolygu fframiau {0}-{1}: {2}. {3} ar ôl.</translation>
    </message>
    <message>
        <source>No review range at the playhead.</source>
        <translation>Dim ystod adolygu wrth y pen chwarae.</translation>
    </message>
    <message>
        <source>Drag on the lanes under the video to select the time range to mute.</source>
        <translation>Llusgwch ar y lonydd o dan y fideo i ddewis yr ystod amser i&apos;w thewi.</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <source>Redone: {0}</source>
        <translation>Ail-wnaed: {0}</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>Dadwnaed: {0}</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <source>Play</source>
        <translation>Chwarae</translation>
    </message>
    <message>
        <source>Play / pause (Space; J K L)</source>
        <translation>Chwarae / oedi (Space; J K L)</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Tewi</translation>
    </message>
    <message>
        <source>Go to start (Home)</source>
        <translation>Mynd i&apos;r dechrau (Home)</translation>
    </message>
    <message>
        <source>Back 5 s (Shift+Left)</source>
        <translation>Yn ôl 5 s (Shift+Left)</translation>
    </message>
    <message>
        <source>Previous frame (Left)</source>
        <translation>Ffrâm flaenorol (Left)</translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation>Ffrâm nesaf (Right)</translation>
    </message>
    <message>
        <source>Forward 5 s (Shift+Right)</source>
        <translation>Ymlaen 5 s (Shift+Right)</translation>
    </message>
    <message>
        <source>Go to end (End)</source>
        <translation>Mynd i&apos;r diwedd (End)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Cyflymder</translation>
    </message>
    <message>
        <source>Playback is unavailable: {0}</source>
        <translation>Nid yw chwarae ar gael: {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Oedi</translation>
    </message>
    <message>
        <source>No footage</source>
        <translation>Dim ffilm</translation>
    </message>
    <message>
        <source>{0}  frame {1} / {2}</source>
        <translation>{0}  ffrâm {1} / {2}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Agor</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Dewis</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Iawn</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Ca&amp;dw</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Canslo</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Cau heb gadw</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Dangos y manylion...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Cuddio&apos;r manylion...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Cadw&apos;r cyfan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ie</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ie i&apos;r &amp;cyfan</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Na</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Na i&apos;r c&amp;yfan</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Terfynu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Ceisio eto</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Anwybyddu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Gwaredu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Cymorth</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Gweithredu</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ailosod</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Adfer y rhagosodiadau</translation>
    </message>
</context>
<context>
    <name>RedactionWorkspace</name>
    <message>
        <source>People</source>
        <translation>Pobl</translation>
    </message>
    <message>
        <source>People and boxes</source>
        <translation>Pobl a blychau</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Adolygu</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Lleferydd</translation>
    </message>
    <message>
        <source>What is said: find words and mute or bleep them</source>
        <translation>Beth a ddywedir: dewch o hyd i eiriau a&apos;u tewi neu eu bipio</translation>
    </message>
    <message>
        <source>Detected before by an earlier version of the detector, whose findings are not used: press Detect faces to detect again (the plan&apos;s decisions are then offered to carry over).</source>
        <translation>Canfuwyd o&apos;r blaen gan fersiwn gynharach o&apos;r synhwyrydd, nad yw ei ganfyddiadau&apos;n cael eu defnyddio: pwyswch Canfod wynebau i ganfod eto (yna cynigir cario penderfyniadau&apos;r cynllun drosodd).</translation>
    </message>
    <message>
        <source>Faces not detected yet with this preset: press Detect faces.</source>
        <translation>Nid yw&apos;r wynebau wedi&apos;u canfod eto gyda&apos;r rhagosodiad hwn: pwyswch Canfod wynebau.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found by face</source>
        <translation>
            <numerusform>%n person wedi&apos;u canfod wrth eu hwyneb</numerusform>
            <numerusform>%n person wedi&apos;u canfod wrth eu hwyneb</numerusform>
            <numerusform>%n person wedi&apos;u canfod wrth eu hwyneb</numerusform>
            <numerusform>%n person wedi&apos;u canfod wrth eu hwyneb</numerusform>
            <numerusform>%n person wedi&apos;u canfod wrth eu hwyneb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) tracked</source>
        <translation>
            <numerusform>%n person wedi&apos;u tracio</numerusform>
            <numerusform>%n person wedi&apos;u tracio</numerusform>
            <numerusform>%n person wedi&apos;u tracio</numerusform>
            <numerusform>%n person wedi&apos;u tracio</numerusform>
            <numerusform>%n person wedi&apos;u tracio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by body (heads; {0} of them also found by face)</source>
        <translation>
            <numerusform>%n wrth eu corff (pennau; {0} ohonynt hefyd wrth eu hwyneb)</numerusform>
            <numerusform>%n wrth eu corff (pennau; {0} ohonynt hefyd wrth eu hwyneb)</numerusform>
            <numerusform>%n wrth eu corff (pennau; {0} ohonynt hefyd wrth eu hwyneb)</numerusform>
            <numerusform>%n wrth eu corff (pennau; {0} ohonynt hefyd wrth eu hwyneb)</numerusform>
            <numerusform>%n wrth eu corff (pennau; {0} ohonynt hefyd wrth eu hwyneb)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by body (heads)</source>
        <translation>
            <numerusform>%n wrth eu corff (pennau)</numerusform>
            <numerusform>%n wrth eu corff (pennau)</numerusform>
            <numerusform>%n wrth eu corff (pennau)</numerusform>
            <numerusform>%n wrth eu corff (pennau)</numerusform>
            <numerusform>%n wrth eu corff (pennau)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text region(s)</source>
        <translation>
            <numerusform>%n rhanbarth testun</numerusform>
            <numerusform>%n rhanbarth testun</numerusform>
            <numerusform>%n rhanbarth testun</numerusform>
            <numerusform>%n rhanbarth testun</numerusform>
            <numerusform>%n rhanbarth testun</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text region(s) (plates, screens, documents)</source>
        <translation>
            <numerusform>%n rhanbarth testun (platiau, sgriniau, dogfennau)</numerusform>
            <numerusform>%n rhanbarth testun (platiau, sgriniau, dogfennau)</numerusform>
            <numerusform>%n rhanbarth testun (platiau, sgriniau, dogfennau)</numerusform>
            <numerusform>%n rhanbarth testun (platiau, sgriniau, dogfennau)</numerusform>
            <numerusform>%n rhanbarth testun (platiau, sgriniau, dogfennau)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n range(s) to review</source>
        <translation>
            <numerusform>%n ystod i&apos;w hadolygu</numerusform>
            <numerusform>%n ystod i&apos;w hadolygu</numerusform>
            <numerusform>%n ystod i&apos;w hadolygu</numerusform>
            <numerusform>%n ystod i&apos;w hadolygu</numerusform>
            <numerusform>%n ystod i&apos;w hadolygu</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} ({1}).</source>
        <translation>{0} ({1}).</translation>
    </message>
    <message>
        <source>stored run</source>
        <translation>rhediad wedi&apos;i storio</translation>
    </message>
    <message>
        <source>detected now</source>
        <translation>canfuwyd nawr</translation>
    </message>
    <message>
        <source>The edit could not be saved: {0}</source>
        <translation>Nid oedd modd cadw&apos;r golygiad: {0}</translation>
    </message>
    <message>
        <source>{0} kept</source>
        <translation>{0} gweladwy</translation>
    </message>
    <message>
        <source>{0} not a face</source>
        <translation>{0} nid wyneb</translation>
    </message>
    <message>
        <source>T{0}</source>
        <translation>T{0}</translation>
    </message>
    <message>
        <source>H{0}</source>
        <translation>P{0}</translation>
    </message>
    <message>
        <source>H{0} visible</source>
        <translation>P{0} gweladwy</translation>
    </message>
    <message>
        <source>M{0}</source>
        <translation>Ll{0}</translation>
    </message>
    <message>
        <source>M{0}: drag to extend to this frame</source>
        <translation>Ll{0}: llusgwch i&apos;w ymestyn i&apos;r ffrâm hon</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention</source>
        <translation>Polisi cadw</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Ffeil</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recordiwyd</translation>
    </message>
    <message>
        <source>Retention until</source>
        <translation>Cadw tan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>File owned</source>
        <translation>Ffeil a reolir</translation>
    </message>
    <message>
        <source>Yes: the original lies in a managed folder and applying deletes it. No: it is only marked deleted; the owner of its folder deletes the file.</source>
        <translation>Ie: mae&apos;r gwreiddiol mewn ffolder a reolir ac mae gweithredu&apos;r polisi yn ei ddileu. Na: dim ond ei farcio wedi&apos;i ddileu a wneir; perchennog ei ffolder sy&apos;n dileu&apos;r ffeil.</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Gweithredu…</translation>
    </message>
    <message>
        <source>Legal hold…</source>
        <translation>Cadw cyfreithiol…</translation>
    </message>
    <message>
        <source>Lift hold…</source>
        <translation>Tynnu&apos;r cadw…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Adnewyddu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop after the item being deleted; every item is either untouched or fully deleted</source>
        <translation>Stopio ar ôl yr eitem sy&apos;n cael ei dileu; mae pob eitem naill ai heb ei chyffwrdd neu wedi&apos;i dileu&apos;n llwyr</translation>
    </message>
    <message>
        <source>The retention policy was not applied.</source>
        <translation>Ni weithredwyd y polisi cadw.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Footage that is not evidential is kept {0} days after it was recorded. Managed folders (applying deletes originals there; elsewhere it only marks them deleted): {1}.</source>
        <translation>Caiff ffilm nad yw&apos;n dystiolaethol ei chadw am {0} diwrnod ar ôl ei recordio. Ffolderi a reolir (mae gweithredu&apos;r polisi yn dileu&apos;r ffeiliau gwreiddiol yno; mewn mannau eraill dim ond eu marcio wedi&apos;u dileu a wneir): {1}.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) due for deletion.</source>
        <translation>
            <numerusform>%n eitem i&apos;w dileu.</numerusform>
            <numerusform>%n eitem i&apos;w dileu.</numerusform>
            <numerusform>%n eitem i&apos;w dileu.</numerusform>
            <numerusform>%n eitem i&apos;w dileu.</numerusform>
            <numerusform>%n eitem i&apos;w dileu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due for deletion.</source>
        <translation>Does dim i&apos;w ddileu.</translation>
    </message>
    <message>
        <source>Delete every item due, leaving its record (hash and metadata)</source>
        <translation>Dileu pob eitem sydd i&apos;w dileu, gan adael ei chofnod (hash a metadata)</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can apply the retention policy.</source>
        <translation>Dim ond goruchwyliwr neu weinyddwr sy&apos;n gallu gweithredu&apos;r polisi cadw.</translation>
    </message>
    <message>
        <source>Only a supervisor can place or lift a legal hold.</source>
        <translation>Dim ond goruchwyliwr sy&apos;n gallu gosod neu dynnu cadw cyfreithiol.</translation>
    </message>
    <message>
        <source>Keep the selected footage whatever its retention date (asks for the reason)</source>
        <translation>Cadw&apos;r ffilm a ddewiswyd beth bynnag yw ei dyddiad cadw (yn gofyn am y rheswm)</translation>
    </message>
    <message>
        <source>Lift the legal hold of the selected footage (asks for the reason)</source>
        <translation>Tynnu&apos;r cadw cyfreithiol oddi ar y ffilm a ddewiswyd (yn gofyn am y rheswm)</translation>
    </message>
    <message>
        <source>Apply the retention policy</source>
        <translation>Gweithredu&apos;r polisi cadw</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n footage item(s) whose retention period has ended? Originals in managed folders are deleted; the others are marked deleted. Their records stay. This cannot be undone.</source>
        <translation>
            <numerusform>Dileu %n eitem ffilm y mae eu cyfnod cadw wedi dod i ben? Caiff ffeiliau gwreiddiol mewn ffolderi a reolir eu dileu; caiff y lleill eu marcio wedi&apos;u dileu. Mae eu cofnodion yn aros. Ni ellir dadwneud hyn.</numerusform>
            <numerusform>Dileu %n eitem ffilm y mae eu cyfnod cadw wedi dod i ben? Caiff ffeiliau gwreiddiol mewn ffolderi a reolir eu dileu; caiff y lleill eu marcio wedi&apos;u dileu. Mae eu cofnodion yn aros. Ni ellir dadwneud hyn.</numerusform>
            <numerusform>Dileu %n eitem ffilm y mae eu cyfnod cadw wedi dod i ben? Caiff ffeiliau gwreiddiol mewn ffolderi a reolir eu dileu; caiff y lleill eu marcio wedi&apos;u dileu. Mae eu cofnodion yn aros. Ni ellir dadwneud hyn.</numerusform>
            <numerusform>Dileu %n eitem ffilm y mae eu cyfnod cadw wedi dod i ben? Caiff ffeiliau gwreiddiol mewn ffolderi a reolir eu dileu; caiff y lleill eu marcio wedi&apos;u dileu. Mae eu cofnodion yn aros. Ni ellir dadwneud hyn.</numerusform>
            <numerusform>Dileu %n eitem ffilm y mae eu cyfnod cadw wedi dod i ben? Caiff ffeiliau gwreiddiol mewn ffolderi a reolir eu dileu; caiff y lleill eu marcio wedi&apos;u dileu. Mae eu cofnodion yn aros. Ni ellir dadwneud hyn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying the retention policy…</source>
        <translation>Wrthi&apos;n gweithredu&apos;r polisi cadw…</translation>
    </message>
    <message>
        <source>Applying the retention policy… item {0} of {1}</source>
        <translation>Wrthi&apos;n gweithredu&apos;r polisi cadw… eitem {0} o {1}</translation>
    </message>
    <message>
        <source>Stopped. Items already deleted stay deleted (their records are kept); the rest are untouched.</source>
        <translation>Wedi stopio. Mae&apos;r eitemau a ddilëwyd eisoes yn aros wedi&apos;u dileu (cedwir eu cofnodion); ni chyffyrddwyd â&apos;r gweddill.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deleted; their records are kept.</source>
        <translation>
            <numerusform>Dilëwyd %n eitem; cedwir eu cofnodion.</numerusform>
            <numerusform>Dilëwyd %n eitem; cedwir eu cofnodion.</numerusform>
            <numerusform>Dilëwyd %n eitem; cedwir eu cofnodion.</numerusform>
            <numerusform>Dilëwyd %n eitem; cedwir eu cofnodion.</numerusform>
            <numerusform>Dilëwyd %n eitem; cedwir eu cofnodion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why must {0} be kept (e.g. a civil claim)? It is recorded.</source>
        <translation>Pam mae&apos;n rhaid cadw {0} (e.e. hawliad sifil)? Caiff hyn ei gofnodi.</translation>
    </message>
    <message>
        <source>Why is the legal hold on {0} lifted? It is recorded.</source>
        <translation>Pam mae&apos;r cadw cyfreithiol ar {0} yn cael ei dynnu? Caiff hyn ei gofnodi.</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Cadw cyfreithiol</translation>
    </message>
    <message>
        <source>Lift hold</source>
        <translation>Tynnu&apos;r cadw</translation>
    </message>
</context>
<context>
    <name>RetentionState</name>
    <message>
        <source>Due for deletion</source>
        <translation>I&apos;w dileu</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>Ddim i&apos;w dileu eto</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Cadw cyfreithiol</translation>
    </message>
    <message>
        <source>Evidential</source>
        <translation>Tystiolaethol</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Achos agored</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dilëwyd</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Frames {0}-{1}</source>
        <translation>Fframiau {0}-{1}</translation>
    </message>
    <message>
        <source>No review ranges.</source>
        <translation>Dim ystodau adolygu.</translation>
    </message>
    <message>
        <source>Review {0}/{1}</source>
        <translation>Adolygu {0}/{1}</translation>
    </message>
    <message>
        <source>Review: {0} of {1} checked</source>
        <translation>Adolygu: {0} o {1} wedi&apos;u gwirio</translation>
    </message>
</context>
<context>
    <name>ReviewSpeech</name>
    <message>
        <source>Audio track</source>
        <translation>Trac sain</translation>
    </message>
    <message>
        <source>Audio track {0}</source>
        <translation>Trac sain {0}</translation>
    </message>
    <message>
        <source>No audio: this recording has no sound track.</source>
        <translation>Dim sain: nid oes trac sain gan y recordiad hwn.</translation>
    </message>
    <message>
        <source>Not transcribed yet: transcribe it in the Redact tab&apos;s Speech tab.</source>
        <translation>Heb ei drawsgrifio eto: trawsgrifiwch ef yn nhab Lleferydd y tab Cuddio.</translation>
    </message>
    <message>
        <source>{0} words, model {1}.</source>
        <translation>{0} gair, model {1}.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Disclosure officer</source>
        <translation>Swyddog datgelu</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Goruchwyliwr</translation>
    </message>
    <message>
        <source>Case staff</source>
        <translation>Staff achosion</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Gweinyddwr</translation>
    </message>
</context>
<context>
    <name>RunLoader</name>
    <message>
        <source>Detection cancelled; nothing was stored.</source>
        <translation>Canslwyd y canfod; ni storiwyd dim.</translation>
    </message>
    <message>
        <source>Loading stored detections…</source>
        <translation>Wrthi&apos;n llwytho canfyddiadau wedi&apos;u storio…</translation>
    </message>
    <message>
        <source>Detecting faces ({0})…</source>
        <translation>Wrthi&apos;n canfod wynebau ({0})…</translation>
    </message>
    <message>
        <source>Detecting faces: frame {0} / {1}, {2:.1f} frames/s, about {3} left</source>
        <translation>Wrthi&apos;n canfod wynebau: ffrâm {0} / {1}, {2:.1f} ffrâm/s, tua {3} ar ôl</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <source>empty: SQLite in the data folder; e.g. postgresql+psycopg://user@host/bwv</source>
        <translation>gwag: SQLite yn y ffolder data; e.e. postgresql+psycopg://user@host/bwv</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Fel y system (%1)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Fel y system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Golau</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tywyll</translation>
    </message>
    <message>
        <source>empty: your login name</source>
        <translation>gwag: eich enw mewngofnodi</translation>
    </message>
    <message>
        <source>Exports need a supervisor&apos;s approval of the exact plan</source>
        <translation>Mae angen i oruchwyliwr gymeradwyo&apos;r union gynllun cyn allforio</translation>
    </message>
    <message>
        <source>A rule of the evidence store, for every workstation; only an administrator changes it, and the change is audited.</source>
        <translation>Un o reolau&apos;r storfa dystiolaeth, ar gyfer pob gweithfan; dim ond gweinyddwr sy&apos;n ei newid, ac mae&apos;r newid yn cael ei archwilio.</translation>
    </message>
    <message>
        <source>A rule of the evidence store, for every workstation: ask an administrator to change it.</source>
        <translation>Un o reolau&apos;r storfa dystiolaeth, ar gyfer pob gweithfan: gofynnwch i weinyddwr ei newid.</translation>
    </message>
    <message>
        <source>One reason per line; offered when a person is redacted or kept, a box drawn or audio muted.</source>
        <translation>Un rheswm i bob llinell; cânt eu cynnig pan fydd person yn cael ei guddio neu ei gadw&apos;n weladwy, blwch yn cael ei luniadu neu sain yn cael ei thewi.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Ffolder data</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>URL y gronfa ddata</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Golwg</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Cymeradwyaeth</translation>
    </message>
    <message>
        <source>Reason codes</source>
        <translation>Codau rheswm</translation>
    </message>
    <message>
        <source>Saved to {0}. A new data folder, database, language or look is used from the next start.</source>
        <translation>Cadwyd yn {0}. Defnyddir ffolder data, cronfa ddata, iaith neu olwg newydd o&apos;r tro nesaf y bydd yr ap yn cychwyn.</translation>
    </message>
    <message>
        <source>The settings could not be saved: {0}</source>
        <translation>Nid oedd modd cadw&apos;r gosodiadau: {0}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Checking…</source>
        <translation>Yn gwirio…</translation>
    </message>
    <message>
        <source>Sign in to BWV Studio</source>
        <translation>Mewngofnodi i BWV Studio</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Enw defnyddiwr</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
</context>
<context>
    <name>SpeechPanel</name>
    <message>
        <source>Audio track</source>
        <translation>Trac sain</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>Trawsgrifio</translation>
    </message>
    <message>
        <source>Write down the speech on this track with the offline speech model (on this computer; nothing is sent anywhere)</source>
        <translation>Ysgrifennu&apos;r lleferydd ar y trac hwn gyda&apos;r model lleferydd all-lein (ar y cyfrifiadur hwn; nid anfonir dim i unman)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Names to find (comma between names)</source>
        <translation>Enwau i chwilio amdanynt (coma rhwng enwau)</translation>
    </message>
    <message>
        <source>Names given in the case (the requester&apos;s is filled in) and any you add: they are suggested wherever they are said. Names you add are kept with the case (footage opened from a case) for its other footage; they are personal data.</source>
        <translation>Enwau a roddwyd yn yr achos (mae enw&apos;r ceisydd wedi&apos;i lenwi) ac unrhyw rai a ychwanegwch: fe&apos;u hawgrymir lle bynnag y&apos;u dywedir. Cedwir yr enwau a ychwanegwch gyda&apos;r achos (ffilm a agorwyd o achos) ar gyfer ei ffilm arall; data personol ydynt.</translation>
    </message>
    <message>
        <source>Every time it is said</source>
        <translation>Bob tro y caiff ei ddweud</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Tewi</translation>
    </message>
    <message>
        <source>Bleep</source>
        <translation>Bipio</translation>
    </message>
    <message>
        <source>Disguise</source>
        <translation>Cuddwisg</translation>
    </message>
    <message>
        <source>Lower the voice&apos;s pitch in the selected words. Not anonymisation on its own: accent, words and rhythm can still identify a speaker</source>
        <translation>Gostwng traw&apos;r llais yn y geiriau a ddewiswyd. Nid yw&apos;n ddienwi ar ei ben ei hun: gall acen, geiriau a rhythm ddal i adnabod siaradwr</translation>
    </message>
    <message>
        <source>Disguise the whole track</source>
        <translation>Cuddwisgo&apos;r trac cyfan</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Siaradwr</translation>
    </message>
    <message>
        <source>Disguise speaker</source>
        <translation>Cuddwisgo llais y siaradwr</translation>
    </message>
    <message>
        <source>Lower the pitch of every word of the speaker chosen (and of short answers nobody could place: Speaker ?). Speakers are told apart by their voices, as a proposal: listen first. Speech with no words goes with the speaker whose voice it is like, or with every speaker when unsure. Not anonymisation on its own</source>
        <translation>Gostwng traw pob gair gan y siaradwr a ddewiswyd (ac atebion byr na ellid eu priodoli: Siaradwr ?). Caiff siaradwyr eu gwahaniaethu yn ôl eu lleisiau, fel cynnig: gwrandewch yn gyntaf. Mae lleferydd heb eiriau yn mynd gyda&apos;r siaradwr y mae ei lais yn debyg iddo, neu gyda phob siaradwr pan nad oes sicrwydd. Nid yw hyn yn anhysbysu ar ei ben ei hun</translation>
    </message>
    <message>
        <source>Unhide</source>
        <translation>Dad-guddio</translation>
    </message>
    <message>
        <source>Suggested personal details</source>
        <translation>Manylion personol a awgrymir</translation>
    </message>
    <message>
        <source>Suggested for hiding (check each):</source>
        <translation>Awgrymir eu cuddio (gwiriwch bob un):</translation>
    </message>
    <message>
        <source>Audio track {0}</source>
        <translation>Trac sain {0}</translation>
    </message>
    <message>
        <source>No audio: this recording has no sound track.</source>
        <translation>Dim sain: nid oes trac sain gan y recordiad hwn.</translation>
    </message>
    <message>
        <source>Not transcribed yet: press Transcribe.</source>
        <translation>Heb ei drawsgrifio eto: pwyswch Trawsgrifio.</translation>
    </message>
    <message>
        <source>{0} words, model {1}.</source>
        <translation>{0} gair, model {1}.</translation>
    </message>
    <message>
        <source>Speaker {0}</source>
        <translation>Siaradwr {0}</translation>
    </message>
    <message>
        <source>{0} words</source>
        <translation>{0} gair</translation>
    </message>
    <message>
        <source>Looking for personal details…</source>
        <translation>Wrthi&apos;n chwilio am fanylion personol…</translation>
    </message>
    <message>
        <source>Names to find kept with case {0}.</source>
        <translation>Cadwyd yr enwau i chwilio amdanynt gydag achos {0}.</translation>
    </message>
    <message>
        <source>Transcribing audio track {0}…</source>
        <translation>Yn trawsgrifio trac sain {0}…</translation>
    </message>
    <message>
        <source>Transcribing cancelled.</source>
        <translation>Canslwyd y trawsgrifio.</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>name</source>
        <translation>enw</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>cod post</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>rhif ffôn</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>dyddiad geni</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dyddiad</translation>
    </message>
    <message>
        <source>vehicle registration</source>
        <translation>rhif cofrestru cerbyd</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>collar number</source>
        <translation>rhif coler</translation>
    </message>
    <message>
        <source>PNC reference</source>
        <translation>cyfeirnod PNC</translation>
    </message>
    <message>
        <source>number</source>
        <translation>rhif</translation>
    </message>
    <message>
        <source>address</source>
        <translation>cyfeiriad</translation>
    </message>
    <message>
        <source>speech not transcribed</source>
        <translation>lleferydd heb ei drawsgrifio</translation>
    </message>
    <message>
        <source>looks like a {kind}</source>
        <translation>yn edrych fel {kind}</translation>
    </message>
    <message>
        <source>said after “{cue}”</source>
        <translation>wedi&apos;i ddweud ar ôl “{cue}”</translation>
    </message>
    <message>
        <source>said after words that sound like “{cue}”</source>
        <translation>wedi&apos;i ddweud ar ôl geiriau sy&apos;n swnio fel “{cue}”</translation>
    </message>
    <message>
        <source>a name given in the case</source>
        <translation>enw a roddwyd yn yr achos</translation>
    </message>
    <message>
        <source>sounds like a name given in the case</source>
        <translation>swnio fel enw a roddwyd yn yr achos</translation>
    </message>
    <message>
        <source>someone speaks here but the speech model wrote no words: listen to it</source>
        <translation>mae rhywun yn siarad yma ond ni ysgrifennodd y model lleferydd unrhyw eiriau: gwrandewch arno</translation>
    </message>
</context>
<context>
    <name>SwitchUser</name>
    <message>
        <source>Work is still running in this window; let it finish or cancel it before someone else signs in.</source>
        <translation>Mae gwaith yn dal i redeg yn y ffenestr hon; gadewch iddo orffen neu ei ganslo cyn i rywun arall fewngofnodi.</translation>
    </message>
    <message>
        <source>This store trusts the computer&apos;s own sign-in: to work as someone else, sign in to the computer as them.</source>
        <translation>Mae&apos;r storfa hon yn ymddiried ym mewngofnodi&apos;r cyfrifiadur ei hun: i weithio fel rhywun arall, mewngofnodwch i&apos;r cyfrifiadur fel nhw.</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Newid defnyddiwr</translation>
    </message>
</context>
<context>
    <name>TrackButtons</name>
    <message>
        <source>Merge</source>
        <translation>Uno</translation>
    </message>
    <message>
        <source>The selected tracks are one person (S: the same person)</source>
        <translation>Un person yw&apos;r traciau a ddewiswyd (S: yr un person)</translation>
    </message>
    <message>
        <source>Split here</source>
        <translation>Hollti yma</translation>
    </message>
    <message>
        <source>Cut the selected track at the playhead</source>
        <translation>Torri&apos;r trac a ddewiswyd wrth y pen chwarae</translation>
    </message>
    <message>
        <source>Not a face from here</source>
        <translation>Nid wyneb o&apos;r fan hon ymlaen</translation>
    </message>
    <message>
        <source>Dismiss the selected track from the playhead to its end</source>
        <translation>Diystyru&apos;r trac a ddewiswyd o&apos;r pen chwarae i&apos;w ddiwedd</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>button: delete a box or track</comment>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Delete the selected manual box, or mark the selected track as not a face</source>
        <translation>Dileu&apos;r blwch â llaw a ddewiswyd, neu farcio nad wyneb yw&apos;r trac a ddewiswyd</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>cuddiwyd</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gweladwy</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>â llaw</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>hyder isel</translation>
    </message>
    <message>
        <source>not a face</source>
        <translation>nid wyneb</translation>
    </message>
    <message>
        <source>text: plate, screen, document</source>
        <translation>testun: plât, sgrin, dogfen</translation>
    </message>
    <message>
        <source>a person&apos;s head (people detector)</source>
        <translation>pen person (synhwyrydd pobl)</translation>
    </message>
    <message>
        <source>a head left visible</source>
        <translation>pen heb ei guddio</translation>
    </message>
    <message>
        <source>dashed: carried by motion, interpolated or padded box</source>
        <translation>llinell doriog: blwch wedi&apos;i gario gan symudiad, wedi&apos;i ryngosod neu wedi&apos;i ehangu</translation>
    </message>
</context>
<context>
    <name>TracksPanel</name>
    <message>
        <source>Track</source>
        <translation>Trac</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Cuddio</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Person {0}</source>
        <translation>Person {0}</translation>
    </message>
    <message>
        <source>Text {0}</source>
        <translation>Testun {0}</translation>
    </message>
    <message>
        <source>Keep
visible</source>
        <translation>Cadw&apos;n
weladwy</translation>
    </message>
    <message>
        <source>Person {1} (head {0})</source>
        <translation>Person {1} (pen {0})</translation>
    </message>
    <message>
        <source>Person {0} (head)</source>
        <translation>Person {0} (pen)</translation>
    </message>
    <message>
        <source>not identifying</source>
        <translation>nid yw&apos;n adnabod neb</translation>
    </message>
    <message>
        <source>not a person</source>
        <translation>nid person</translation>
    </message>
    <message>
        <source>not a face</source>
        <translation>nid wyneb</translation>
    </message>
    <message>
        <source>left visible: heads are not hidden in this plan (export options)</source>
        <translation>gadawyd yn weladwy: nid yw pennau&apos;n cael eu cuddio yn y cynllun hwn (dewisiadau allforio)</translation>
    </message>
    <message>
        <source>Manual {0}</source>
        <translation>Blwch â llaw {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n ffrâm</numerusform>
            <numerusform>%n ffrâm</numerusform>
            <numerusform>%n ffrâm</numerusform>
            <numerusform>%n ffrâm</numerusform>
            <numerusform>%n ffrâm</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} frames, {1} keyframes</source>
        <translation>{0} ffrâm, {1} ffrâm allweddol</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Find words…</source>
        <translation>Chwilio am eiriau…</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Trawsgrifiad</translation>
    </message>
    <message>
        <source>Speaker {0}:</source>
        <translation>Siaradwr {0}:</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Defnyddwyr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Gweithredol</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Cyfrinair</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Allwedd lofnodi</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>o leiaf {0} nod</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Ailadrodd y cyfrinair</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ychwanegu defnyddiwr</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Newid rôl</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Analluogi</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Gosod cyfrinair</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Datgloi…</translation>
    </message>
    <message>
        <source>Let a user locked by failed sign-ins sign in again (asks why; audited)</source>
        <translation>Gadael i ddefnyddiwr a gloiwyd gan fewngofnodi aflwyddiannus fewngofnodi eto (mae&apos;n gofyn pam; archwilir)</translation>
    </message>
    <message>
        <source>Vouch for key…</source>
        <translation>Gwarantu allwedd…</translation>
    </message>
    <message>
        <source>Vouch for a key its owner registered themself: type the fingerprint they read out to you (audited)</source>
        <translation>Gwarantu allwedd a gofrestrodd ei pherchennog ei hun: teipiwch yr olion bysedd a ddarllenon nhw i chi (archwilir)</translation>
    </message>
    <message>
        <source>Take over root key…</source>
        <translation>Cymryd yr allwedd wraidd…</translation>
    </message>
    <message>
        <source>This store has no root key and its first account cannot give it: make your key the root (asks why; audited)</source>
        <translation>Nid oes gan y storfa hon allwedd wraidd ac ni all ei chyfrif cyntaf ei rhoi: gwnewch eich allwedd chi&apos;n wraidd (yn gofyn pam; archwilir)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>root</source>
        <translation>gwraidd</translation>
    </message>
    <message>
        <source>vouched</source>
        <translation>gwarantwyd</translation>
    </message>
    <message>
        <source>not vouched</source>
        <translation>heb ei gwarantu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ie</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Your signing key: {0}</source>
        <translation>Eich allwedd lofnodi: {0}</translation>
    </message>
    <message>
        <source>Only an administrator can add or change users.</source>
        <translation>Dim ond gweinyddwr sy&apos;n gallu ychwanegu neu newid defnyddwyr.</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Galluogi</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Mae&apos;r ddau gyfrinair yn wahanol.</translation>
    </message>
    <message>
        <source>Give the new user a password (they can change it).</source>
        <translation>Rhowch gyfrinair i&apos;r defnyddiwr newydd (gallant ei newid).</translation>
    </message>
    <message>
        <source>Added {0}.</source>
        <translation>Ychwanegwyd {0}.</translation>
    </message>
    <message>
        <source>{0} is now: {1}.</source>
        <translation>{0} bellach: {1}.</translation>
    </message>
    <message>
        <source>{0} can sign in again.</source>
        <translation>Gall {0} fewngofnodi eto.</translation>
    </message>
    <message>
        <source>{0} can no longer sign in.</source>
        <translation>Ni all {0} fewngofnodi mwyach.</translation>
    </message>
    <message>
        <source>Type the new password twice.</source>
        <translation>Teipiwch y cyfrinair newydd ddwywaith.</translation>
    </message>
    <message>
        <source>Change your own password with &apos;bwv user passwd&apos; (it asks for the current one).</source>
        <translation>Newidiwch eich cyfrinair eich hun gyda &apos;bwv user passwd&apos; (mae&apos;n gofyn am yr un presennol).</translation>
    </message>
    <message>
        <source>Password of {0} set.</source>
        <translation>Gosodwyd cyfrinair {0}.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Why may {0} sign in again? (recorded)</source>
        <translation>Pam y caiff {0} fewngofnodi eto? (cofnodir)</translation>
    </message>
    <message>
        <source>Vouch for key</source>
        <translation>Gwarantu allwedd</translation>
    </message>
    <message>
        <source>The fingerprint {0} reads out from their own Users window:</source>
        <translation>Yr olion bysedd y mae {0} yn eu darllen o&apos;u ffenestr Defnyddwyr eu hunain:</translation>
    </message>
    <message>
        <source>You vouched for the key of {0}.</source>
        <translation>Rydych wedi gwarantu allwedd {0}.</translation>
    </message>
    <message>
        <source>Take over root key</source>
        <translation>Cymryd yr allwedd wraidd</translation>
    </message>
    <message>
        <source>Why does the root key pass to you? (recorded)</source>
        <translation>Pam mae&apos;r allwedd wraidd yn dod atoch chi? (cofnodir)</translation>
    </message>
    <message>
        <source>Your password (it opens your signing key):</source>
        <translation>Eich cyfrinair (mae&apos;n agor eich allwedd lofnodi):</translation>
    </message>
    <message>
        <source>Your key is now this store&apos;s root key. Publish its fingerprint and vouch for the other keys.</source>
        <translation>Eich allwedd chi yw allwedd wraidd y storfa hon bellach. Cyhoeddwch ei holion bysedd a gwarantwch yr allweddi eraill.</translation>
    </message>
</context>
<context>
    <name>WorkspaceControls</name>
    <message>
        <source>Fast</source>
        <translation>Cyflym</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Cytbwys</translation>
    </message>
    <message>
        <source>Thorough (faces and text)</source>
        <translation>Trylwyr (wynebau a thestun)</translation>
    </message>
    <message>
        <source>Detect faces</source>
        <translation>Canfod wynebau</translation>
    </message>
    <message>
        <source>Detect and track faces in the background; results are stored</source>
        <translation>Canfod a thracio wynebau yn y cefndir; caiff y canlyniadau eu storio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop detection</source>
        <translation>Atal y canfod</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>Show the redacted picture as it will be exported, or the boxes</source>
        <translation>Dangos y llun â&apos;r cuddio fel y caiff ei allforio, neu&apos;r blychau</translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation>Lluniadu blwch</translation>
    </message>
    <message>
        <source>Draw a box over a missed face, a tattoo, a screen, a number plate</source>
        <translation>Lluniadu blwch dros wyneb a fethwyd, tatŵ, sgrin, plât rhif</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Dilyn</translation>
    </message>
    <message>
        <source>Follow the selected manual box through the next seconds</source>
        <translation>Dilyn y blwch â llaw a ddewiswyd drwy&apos;r eiliadau nesaf</translation>
    </message>
    <message>
        <source>Next warning</source>
        <translation>Rhybudd nesaf</translation>
    </message>
    <message>
        <source>Jump to the next range to review</source>
        <translation>Neidio i&apos;r ystod nesaf i&apos;w hadolygu</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marcio wedi&apos;i hadolygu</translation>
    </message>
    <message>
        <source>Mark the review range at the playhead as checked</source>
        <translation>Marcio&apos;r ystod adolygu wrth y pen chwarae wedi&apos;i gwirio</translation>
    </message>
    <message>
        <source>Mute range</source>
        <translation>Tewi ystod</translation>
    </message>
    <message>
        <source>Mute the sound in the range selected on the lanes (drag to select)</source>
        <translation>Tewi&apos;r sain yn yr ystod a ddewiswyd ar y lonydd (llusgwch i ddewis)</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Dad-dewi</translation>
    </message>
    <message>
        <source>Remove the selected muted range</source>
        <translation>Tynnu&apos;r ystod wedi&apos;i thewi a ddewiswyd</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Dechrau eto</translation>
    </message>
    <message>
        <source>Forget the people chosen on another detection run and choose them on this one</source>
        <translation>Anghofio&apos;r bobl a ddewiswyd mewn rhediad canfod arall a&apos;u dewis yn y rhediad hwn</translation>
    </message>
    <message>
        <source>Carry over…</source>
        <translation>Cario drosodd…</translation>
    </message>
    <message>
        <source>Carry the decisions made on another detection run to the same people on this one (you confirm each)</source>
        <translation>Cario&apos;r penderfyniadau a wnaed mewn rhediad canfod arall i&apos;r un bobl yn y rhediad hwn (rydych yn cadarnhau pob un)</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Export only the range selected on the lanes (again with nothing selected: the whole footage)</source>
        <translation>Allforio&apos;r ystod a ddewiswyd ar y lonydd yn unig (eto heb ddim wedi&apos;i ddewis: y ffilm gyfan)</translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation>(dim rheswm)</translation>
    </message>
    <message>
        <source>The reason recorded with your next edits</source>
        <translation>Y rheswm a gofnodir gyda&apos;ch golygiadau nesaf</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Allforio…</translation>
    </message>
    <message>
        <source>Write the redacted MP4, its manifest and audit extract</source>
        <translation>Ysgrifennu&apos;r MP4 â rhannau wedi&apos;u cuddio, ei faniffest a&apos;i ddetholiad archwilio</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Rhagosodiad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Open footage from the library.</source>
        <translation>Agorwch ffilm o&apos;r llyfrgell.</translation>
    </message>
</context>
</TS>
