<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ApprovalGuard</name>
        <message>
            <source>This plan was approved by {0} ({1}). Changing it ({2}) withdraws that approval: the changed plan needs a supervisor's approval again before it is exported or released.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} asked a supervisor to approve this plan. Changing it ({1}) withdraws the request: ask again after your changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make the change?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The approval will lapse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo or redo again to go back to the plan that was approved; its approval then holds again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The approval lapsed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CarryOverDialog</name>
        <message>
            <source>Carry decisions to this detection run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was made on another detection run (another preset, stride or model), where the same track number can be another person. Its decisions have been matched to the people of this run by where and when they appear. Ticked decisions are carried over; an unticked one leaves those people redacted. Review ranges checked before must be checked again.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n merge(s) of tracks that are one person are carried too.</source>
            <translation>
                <numerusform>%n merge of tracks that are one person are carried too.</numerusform>
                <numerusform>%n merges of tracks that are one person are carried too.</numerusform>
            </translation>
        </message>
        <message>
            <source>Decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On this run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Match</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Carry over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact (the reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>person {0}, {1} – {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>person {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} % of its frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} % of its frames; in {1} shots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not found: stays redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look at this person before carrying the decision: the match is weak or missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look at this person before carrying the decision: the person decided about is matched in {0} shots of this edited clip, and on one side of a cut it may be someone else.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseExportsBox</name>
        <message>
            <source>Exports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One .zip file instead of a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make disclosure pack…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop making the pack (nothing is left behind)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working copy: never released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make the pack for the requester or the court: the redacted video, its manifest, the disclosure record (HTML and PDF), the case's audit extract and SHA256SUMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an approved export: only exports of a plan a supervisor approved are packed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder for the disclosure pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Making the disclosure pack…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Making the disclosure pack… {0}%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disclosure pack made: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No pack was made.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseLinks</name>
        <message>
            <source>Add to case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no other case to add it to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add footage #{0} to case:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{0} is in no case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove footage #{0} from case:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{0} added to case {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{0} removed from case {1}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseStatus</name>
        <message>
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Awaiting approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseType</name>
        <message>
            <source>FOI request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject access request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Court exhibit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complaint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Internal review</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CasesPanel</name>
        <message>
            <source>New case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exemption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requester</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Personal data: keep it minimal; it is never written to the audit trail.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save requester</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the case to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The deadline has passed</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n overdue</source>
            <translation>
                <numerusform>, %n overdue</numerusform>
                <numerusform>, %n overdue</numerusform>
            </translation>
        </message>
        <message>
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Overdue by %n day(s)</source>
            <translation>
                <numerusform>Overdue by %n day</numerusform>
                <numerusform>Overdue by %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>Due today</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
        <message>
            <source>None set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extended: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asks for the reason (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asks for an optional note (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why does case {0} go to “{1}”? (recorded in the audit trail)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note on moving case {0} to “{1}” (optional, recorded):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refuse the request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exemption relied on (e.g. FOI s.40(2) personal information):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another case was selected; case {0} was not changed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n footage item(s) linked to case {0}.</source>
            <translation>
                <numerusform>%n footage item linked to case {0}.</numerusform>
                <numerusform>%n footage items linked to case {0}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Case {0} had already moved to “{1}” since the list was shown, so your change was not made. The list has been reloaded: check it and choose again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {0} is now “{1}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requester details of case {0} saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoreMessages</name>
        <message>
            <source>see footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stride {stride} is out of range: detect on at least one frame per second (1 to {limit} for this footage).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the original of footage #{number} is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has no stored detection run for the {preset} preset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>detect faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: decoded {decoded} frames but {recorded} were recorded at ingest. Either the file has changed (verify it), or an older version of this program counted its frames otherwise: then describe the footage again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>move cases on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>send cases back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>refuse a request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>close an unanswered case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reopen a case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ask for approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>approve a case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>release footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check of export #{export_id} still saw {count} face(s) or text region(s) after the plan was approved, and no supervisor has answered that; send the case back to review and approve it again, answering it (or fix the plan and export again).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} was made without the check for faces left visible, after the plan was approved, and no supervisor has answered that; export it again with the check on, or send the case back to review and approve it again, answering it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} is {value}; it cannot go to {value2} (allowed: {options}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say why case {reference} goes from {value} to {value2} (it is recorded).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A refusal needs the exemption relied on, e.g. 'FOI s.40(2) personal information'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} has no redaction plan yet; redact its footage first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A redaction plan of case {reference} changed while you were reading it, so nothing was approved. Open the approval again to read it as it is now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} has no export of an approved plan; export the approved redaction first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown {what} {value!r}: use one of {names}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>awaiting approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>released</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No case with reference {reference!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>create cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case needs a reference.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case reference is at most 64 characters and a title 256.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case with reference {reference!r} already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>case type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A request cannot be received after today: {day} is in the future.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>edit cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case title is at most 256 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>extend deadlines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a subject access request can be extended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} was already extended: {extension_reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the reason for the extension (it is recorded).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The requester details of case {reference} were changed elsewhere since they were shown here; yours were not saved. Select the case again to see them, then make your change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>save the names to find in speech</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The names to find of case {reference} were changed elsewhere since they were read here; these were not kept. Open the footage again to see them, then type yours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A name to find is at most {limit} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case keeps at most {limit} names to find besides the requester's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>link footage to cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No footage #{footage_id}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{footage_id} was deleted under the retention policy; only its record remains.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>take footage out of cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} is {value}; its footage is part of its record.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} has a redaction plan or an export of footage #{footage_id}; it stays in the case's record.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>edit requester details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {value} is at most {limit} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} is {value}; reopen it before changing its redaction.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src}: the {what} recorded for this export is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{dst}: cannot write the pack ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src}: the {what} no longer matches the SHA-256 recorded when it was exported; it is not packed (export it again).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No export #{export_id}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} was made without a case; a disclosure pack is made for a case (export it from the case).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} is a working copy made by a batch job from a plan nobody reviewed (every frame says so); review the footage, have the plan approved, export it again and pack that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {reference} is {value}: its exports are packed only while the case is approved (it was sent back to review, or is not approved yet).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} was made from a redaction plan no supervisor approved (state: {value}); only approved exports are released.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} was made from a plan that has been changed since (the approval lapsed with the edit); export the current, approved plan and pack that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>make a disclosure pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{out_dir}: the folder for the pack does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{final} already exists; choose another folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{out_dir}: cannot write the pack ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the original is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the original no longer matches the SHA-256 recorded at ingest; it will not be exported (verify the originals to see which changed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: an export of this name was interrupted after it was recorded; it has been finished now, with its manifest and audit extract beside it; choose another name, or replace it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: an export is an MP4 file; give a name ending in .mp4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{by} rejected this redaction plan ({at}): "{note}". Change it as asked, then ask for approval again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan's track numbers and reviews belong to another detection run (another preset, stride or model, or a preset re-tuned by an update of BWV Studio), where the same number can be another person. Use that preset, or choose the people again on the {preset} run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was made on a detection run by an earlier version of BWV Studio's detector; this version detects the footage again, and its track numbers can be other people there. Open the footage in the workspace and carry the decisions over to the new run's people (you confirm each one), or choose the people again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan's track numbers belong to tracks built otherwise from this detection run's settings (by another version of BWV Studio, or from an earlier detection of this footage), so the same number can be another person here. Open the footage in the workspace: its decisions are carried over where the tracks they were made on can still be built (you confirm each one); else choose the people again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No track(s) {missing} in this footage; it has tracks {tracks}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has a saved plan that {by} approved on {at}, and this plan is another: saving it withdraws that approval. Say so to save it anyway, or export the approved plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has a saved plan whose approval {by} asked for on {at}, and this plan is another: saving it withdraws that request. Say so to save it anyway.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has a saved plan, last changed by {by} on {at}, and this plan is another: saving it replaces that plan and its choices. Say so to replace it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This redaction plan needs a supervisor's approval before it is exported (state: {state}). Any edit after an approval needs a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The box {label} drawn by hand lies outside the footage (on none of its {frames} frames, or off the picture), so it would hide nothing; check its frames and place.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} is not in case {reference}: add it to the case first, so the case's retention keeps it while the case is open and the export is listed with its footage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This redaction plan needs a supervisor's approval, but faces have not been detected on it yet, and an export binds the plan to its detection (a new plan, which no one approved). Detect faces first, then ask for approval of that plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The approval this export needs or names lapsed while it was being made (the plan is now: {state}, or the store's rule changed); nothing was recorded. Export again once it is approved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was approved, but the footage's plan has been changed since; an export does not bring an older plan back, nor its approval. Export the current plan once it is approved, or go back to the approved plan in the workspace (undo asks first).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The caption {caption!r} has an unknown field ({field}); use {{case}}, {{date}} and {{time}}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan hides whole people, but preset {preset} does not look for people: choose a preset that does (balanced, the default, or thorough).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>make working copies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>export footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} already exists; choose another name, or replace the earlier export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the output folder does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is the original; an export never overwrites it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: cannot write the export ({why}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{out}: the export of {source} failed ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source}: the clip range {start_s:g}-{end_s:g} s contains no frames of this footage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source}: only {frames_out} of {frames_in_clip} frames (of {total} expected) could be exported; the original may be damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan hides sound on audio track {tracks}, which this recording does not have (it has {count}); nothing would be hidden there. Put the ranges on the track the words are said on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan hides sound from {start_s:g} s on audio track {track}, but its sound ends at {end_s:g} s; nothing would be hidden there. Check the range's times.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan hides sound up to {end_s:g} s on audio track {track}, but its sound starts at {start_s:g} s (the recording's clock does not start at 0); nothing would be hidden there. Check the range's times.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You have no signing key yet: set your password first ('bwv user passwd').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an active administrator can take over the store's root key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say why the root key is handed over (it is recorded).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store already has a root key; it cannot be handed over.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The first account, {name!r}, is an active administrator: its next password sign-in gives the store its root key. Deactivate it first if it is no longer used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The hand-over is signed with your own key: set your password first ('bwv user passwd').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vouch for a signing key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No user named {name!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an administrator whose own key is vouched for (the root, or registered from it) can vouch for another key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody vouches for their own key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name!r} has no signing key the audit trail registered; they sign in with a password first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key of {name!r} is already vouched for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is not the fingerprint of {name!r}'s key: nothing was vouched for. Ask them to read it from their own session ('bwv user key').</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flag category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times must be finite numbers of seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start {start:.3f} s is outside the footage (0 to {duration_s:.3f} s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End {end:.3f} s must lie between the start and {duration_s:.3f} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {what} is {count} characters long; at most {limit}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flag footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No flag #{flag_id}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>edit flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot change {value} on a flag.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hash prefix {text!r} matches more than one footage item.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{key!r} is neither a footage number nor a SHA-256 prefix.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every original was checked, but the store became busy (another program or window was writing to it) while the checks were being recorded: {done} of {total} are in the audit trail. Verify again in a moment to record them all.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No footage {key!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is the original of footage #{number}; nothing is written over an original (give another name).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{id} ({file_name}) was deleted under the retention policy on {deleted_at:%Y-%m-%d}; only its hash and metadata remain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the original of footage #{number} no longer matches the SHA-256 recorded at ingest; it is not processed (verify the originals to see which changed).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mark footage evidential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give a reason for changing the evidential status.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>verify footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ingest footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: this is export #{id} of footage #{footage} (the same SHA-256), made here: an export is not an original, and is not taken in as footage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: this footage was ingested as #{id} and deleted under the retention policy on {deleted_at:%Y-%m-%d}; it is not taken in again (ask a supervisor if it is needed as evidence).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the file changed while it was being ingested; try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} is locked after too many failed sign-ins; an administrator unlocks it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} has no password yet; an administrator sets one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} is locked after too many failed sign-ins; as no other administrator can unlock it, it opens again by itself at {time}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A password needs at least {count} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A password must not be only spaces.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A password must not be the user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store already has users; sign in as its administrator to add accounts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} is deactivated; ask an administrator.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>set another user's password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unlock accounts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say why the account is unlocked (it is recorded).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No user {name!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a supervisor or an administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a disclosure officer or a supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a disclosure officer, a supervisor or an administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a disclosure officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>case staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} is deactivated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No administrator has vouched for {name}'s signing key yet, so it cannot {what}: read its fingerprint (Tools &gt; Users, or 'bwv user key') to an administrator, who vouches for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is {role}; only {who} can {what}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A user needs a name of 1 to 128 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A user name must not contain line breaks, tabs or other characters that do not print.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No user name: set BWV_USER or the default_user setting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A user name is at most 128 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name!r} has no account in this store; ask an administrator to add one (bwv user add).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>add users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User {name!r} already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is the only active administrator; make someone else administrator first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This footage has no saved redaction plan to approve.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan has changed since it was shown; review the current plan before deciding.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{by} rejected this redaction plan of footage #{footage_id} ({at}): "{note}". A rejected plan is not put forward or approved again as it is: change it as asked, then ask for approval.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>approve or reject a redaction plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You made the last change to this plan; another supervisor must approve it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say why the plan is rejected, so the officer can correct it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redact track {track}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>keep visible track {track}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mark as not a face track {track}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mark track {track} as not a face from frame {frame}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>track {track} is someone else from frame {frame}: redact it there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>add manual box {box} at frame {frame}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No manual box {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>set manual box {box} at frame {frame}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>set manual box {box} at frames {first}-{last}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete manual box {box}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mute audio {start:.3f}-{end:.3f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No mute range {start:.3f}-{end:.3f} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unmute audio {start:.3f}-{end:.3f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>track {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mute {count} audio range(s) on {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bleep {count} audio range(s) on {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>disguise {count} audio range(s) on {where}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit} ({label})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No audio range {number} in the plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>remove audio range {number} ({start:.3f}-{end:.3f} s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>remove {count} audio ranges</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mark frames {first}-{last} as reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mark frames {first}-{last} as not reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>export the whole footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>export only {start:.3f}-{end:.3f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blur</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pixelate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>solid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ellipse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>drop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>set export style {style} {strength}, {shape}, sound {audio}, caption {caption!r}, metadata {metadata}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, heads of people seen from behind hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, heads of people seen from behind left visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, whole people hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, whole people not hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>set padding {padding:g}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, margin {margin:g}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}, hide everything but the kept people</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>keep only track {track} visible, hide everything else</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>choose the people again on this detection run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan was changed by {who} ({when} UTC) since this was started from it; this change was not saved over theirs. Open the footage again to see their change, then make yours again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change redaction plans</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>see the retention report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>apply the retention policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the reason for the legal hold change (it is recorded).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change how people sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown sign-in mode {sign_in!r}: use password or os_user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set your own password first (bwv user passwd), or nobody could sign in as the administrator after the change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change whether exports need approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change the sign-in lock-out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The lock-out is 0 (off) to 100 failed sign-ins.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change the retention policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The retention period is 1 to 36500 days.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change the managed folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>approve speech models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>change the watch folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A track edit must be an object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A track edit's 'tracks' must be a list of track numbers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A track edit's 'frame' must be a whole number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown track edit {value!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A merge needs at least two different tracks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A split needs one track and a frame after the first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>merge tracks {tracks}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>split track {track} at frame {frame}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Track {track} cannot be split at frame {frame}: it is detected from frame {first} to {last}, and each part needs a detection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracks {tracks} are of different kinds ({kinds}); only tracks of one kind (faces, text regions or heads) can be merged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracks {tracks} are in different shots of this edited clip (it cuts to another shot between them); tracks are not merged across a cut, where the boxes between them would stand over someone else.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracks {tracks} are both detected on frame {frame}, so they are different people; they cannot be merged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot {value}: no track {value2} (the edit belongs to another detection run).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bank holiday file {path} cannot be read: {exc}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C2PA signing needs both settings, c2pa_certificate and c2pa_private_key (PEM files); one is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the C2PA {what} cannot be read ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the C2PA private key is encrypted; give its passphrase in the environment variable {KEY_PASSWORD_ENV}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the passphrase in {KEY_PASSWORD_ENV} does not open this C2PA private key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: not a PEM private key ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: C2PA signing here takes an EC (P-256/384/521) or Ed25519 key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{certificate}: not a PEM certificate chain ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{signed}: cannot write the signed video ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{video}: C2PA signing failed ({exc}); check the certificate {certificate} and key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} has no record to complete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{final}: is a folder; give a file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{final}: is a symbolic link; give the real path of the file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{final}: the file name is too long (at most {most} bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{final}: cannot write ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit trail is empty: there is nothing to anchor yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the hash chain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the state rebuilt from the audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the anchors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the recorded exports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the connection to the store was lost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder}: no such folder to read anchors from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The signing key of {name!r} cannot be opened with this password; ask an administrator to reset the password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The signing key of {name!r} was replaced (an administrator reset the password): sign in again; nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r}: the file name is not valid UTF-8; rename the file first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: file not found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: permission denied (cannot reach the file).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: cannot be read ({value}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: is a folder, not a video file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: is not a regular file (a device, pipe or socket).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the file is empty (0 bytes).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: permission denied (cannot read the file).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: not a video file, or damaged beyond reading (no readable container).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: cannot be opened as video ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the file's metadata is damaged ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: contains no video stream.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video is damaged after frame {index} ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the file was changed or replaced while it was open; open the footage again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: cannot index the video ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video holds no frames.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: frame {index} cannot be decoded ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: frame {index} cannot be found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video is damaged and cannot be read ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: is a text file, not a video.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: is a still image ({name}), not a video.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video carries no timestamps (a bare stream, as some recorders export .h264 or .264 files), so its frames cannot be placed in time. Keep it as it is, and ingest a copy put into a container at its frame rate (for example MP4, with ffmpeg: -framerate 25 -i FILE -c copy COPY.mp4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video stream holds no frames.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: truncated or incomplete: the file ends after {stored} of the {promised} frames its index lists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: is a single still picture, not a video.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the video cannot be decoded ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: no frame of the video can be decoded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a time: use SS, MM:SS or HH:MM:SS.mmm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a valid time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} has no audio track {number} (it has {count}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the sound cannot be decoded ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} open item(s) need an answer before approval (a reason each, or "all reviewed" after going through them), e.g. {text}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan's {key!r} has the wrong type ({kind}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan's {key!r} must hold whole track numbers, not {item!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan's 'clip' must be an object or null.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan's reason for {key!r} is not valid: targets are 'track:N', 'manual:N', 'audio:N' or 'mute:START-END'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan's 'reviewed' must hold [first frame, last frame] pairs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manual box {id} lies far outside any picture (its numbers go beyond {most} pixels).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manual box {id} has a width or height that is not positive.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan holds a number that is not finite.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strength must be 1 (light) to 5 (solid).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Padding must be between 1.0 and 3.0 times the face.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The margin round each face must be between 0 and {most} of the picture's longer side.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time range {start_s:g}-{end_s:g} s must have start &lt; end, both &gt;= 0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio range {id} names track {track}; tracks count from 0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two audio ranges of the redaction plan share a number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Track(s) {overlap} cannot be both kept and a false positive.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan is not valid: a field it needs is missing ({exc}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan is not valid: {exc}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan is version {version}; this BWV Studio reads up to version {PLAN_VERSION}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan is not JSON: {exc}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redaction plan must be a JSON object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown format {fmt!r}: use csv or jsonl.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{role!r} is not a usable role name: use lower-case letters, digits and underscores.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workstation roles are for PostgreSQL stores; a SQLite store is one file that its user can always write.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no PostgreSQL role {role!r}: a database administrator creates it first (CREATE ROLE {role} NOLOGIN), then each workstation's login role (CREATE ROLE ws1 LOGIN PASSWORD '...' IN ROLE {role}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The box is too small to follow.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The detection run this plan was made on is no longer stored, so its decisions cannot be matched to people on this run: use Start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was made on tracks that cannot be built again here (another version of BWV Studio built them, or the detection they came from is no longer stored), so which person each decision was about is not known: use Start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>keep visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>carry decisions to this detection run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}: {action} {old} -&gt; {new}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}; {action} {old} -&gt; {new}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}; {count} merge(s) of one person carried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}; {count} decision(s) not carried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This review range does not ask whether two tracks are one person.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit} (the same person; frames {first}-{last} checked)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{edit}; only one part was kept visible, so the person is redacted again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was made with another detection run (another preset, stride or model), or on tracks numbered otherwise (by another version of BWV Studio, or from an earlier detection), where the same track number can be another person. Switch back to that preset, carry the decisions over to the people of this run (you confirm each one), or use Start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detect faces first: decisions are carried to a detection run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detector model {path} is missing or unreadable ({problem}); reinstall BWV Studio.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detector model {path} is damaged (SHA-256 {found}… instead of {expected}…); reinstall BWV Studio.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown detection network {network!r}: use one of {names}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown detection preset {name!r}: use one of {names}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: not a readable image.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: stride {stride} is out of range: detect on at least one frame per second (1 to {limit} for this video).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ui_theme must be system, light or dark.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reason_codes must be a list of non-empty texts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings file {path} cannot be read: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings file {path} does not hold a JSON object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a whole number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>true or false</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a list of texts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings file {path}: {key} must be {kind}, not {value!r}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings file {path} has a bad value: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database URL {url} is not valid: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the database {url}: its folder {folder} cannot be created ({problem}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database URL {url} cannot be used: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {url} is an empty file (0 bytes), not a store: restore it from a backup, or delete the file to start a new store.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The store is busy: another program or window (a worker, an ingest, a batch being queued) was writing to it and did not finish in time, so the change that needed it was not saved. Try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database could not complete this action: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the database {url}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot prepare the database {url}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The store {url} has an audit trail but its id is gone from store_info: the store was tampered with. Restore it from a backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model folder {folder} cannot be read ({problem}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model folder {folder} holds {names}, which its hash list does not name; it was not loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model file {path} is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model file {path} is not the approved one (its SHA-256 differs); it was not loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model is not installed (the Python package {package} is missing); run the set-up again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has no stored transcript of audio track {track}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transcribe speech</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored transcript #{transcript} of footage #{number}, audio track {track}, is not what was recorded when it was made (its SHA-256 in the audit trail): it was changed in the database. Nothing of it is used; report it, and transcribe the track again (Transcribe, or bwv transcribe).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder} is not a speech model pack: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the line {line!r} is not '&lt;sha256&gt;  &lt;file name&gt;'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} does not list the model's files {names}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speech model pack {folder} is not approved for this store: an administrator approves it with 'bwv speech-pack approve {folder}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder}: give an existing folder for the working copies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>run batch jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} is not in case {reference}, so no working copy of it can be made for that case; add it to the case first. Nothing was queued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancel jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job {number} is {state}: only a queued or running job can be cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job {number} is {state}: only a failed or cancelled job can be retried.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job {number} is not retried: job {other} does the same work and is queued or running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No job {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown job kind {kind!r}: use detect or transcribe.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A watch folder or case reference cannot hold a tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder} is not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A force's cluster works on a shared PostgreSQL store; this store is {url}, which the cluster's machines cannot share.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A worker of this computer's cluster stopped and was not started again; the cluster is started afresh.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{address}: a cluster is joined over mutual TLS only; give its scheduler as tls://host:port.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: no such certificate or key file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot join the cluster at {address}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cluster at {address} has no workers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cluster's workers on {hosts} opened another store than the one the jobs are in: give every machine the same PostgreSQL server by a name they all reach (not localhost).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{folder}: the folder for working copies is not there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is being written by another export ({holder}, since {since}); wait for it to finish, or choose another name. If no export is running, delete {lock}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the recording is stored mirrored (its display matrix flips the picture, or is not a valid turn), which BWV Studio cannot yet redact safely: its faces would be looked for on a picture turned differently from the one shown. Re-encode it without the mirror and ingest that.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src}: the audit trail holds no record of export #{export_id} being made (with the SHA-256 of its video and manifest), so nothing vouches for its files; it is not packed (check the audit trail).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src}: the audit trail's record of export #{export_id} (event #{seq}) was altered or is not signed by the person who exported; it is not packed (check the audit trail).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src}: the {what} of export #{export_id} is not the one the audit trail recorded when it was exported (event #{seq}: its SHA-256 or size differs); it is not packed (the file and the store were changed: export it again and check the audit trail).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export #{export_id} in the store is not the export the audit trail recorded (event #{seq}): its footage, case, plan or working-copy mark was changed; it is not packed (check the audit trail).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The store could not be reached to renew the job's lease for most of a lease, so the job was stopped before another worker could take it up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The evidence store holds {value} where {holds} belongs: it was changed outside BWV Studio. The integrity check lists every value it cannot read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>one of a list of words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>speech not transcribed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>whole track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>speaker {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{number} has a saved redaction plan, whose frame numbers and boxes were made on its present description; describing it again would change its frames or picture size, so it is not described again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the original has changed since it was ingested (its SHA-256 differs); it is not described again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>describe footage again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The store became busy (another program or window was writing to it) after {done} of {total} items: their jobs are queued, the rest are not. Ask again in a moment: items whose job is still queued or running are skipped, but one whose job has finished meanwhile is queued again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no reason given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage #{id}: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every face, head and text region found is hidden, but:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything is hidden but the people kept visible (inverse).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept visible: track {track} ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismissed, left as it is: track {track} ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hidden by hand: box {box}, frames {first}-{last} ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hidden as: {style}, strength {strength} (1-5).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pixelated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>blurred</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>solid fill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The copy keeps the recording's metadata (device, serial numbers, times, places).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{what} on audio track {track}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>voice disguised (pitch-shifted: not anonymisation on its own)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody is kept visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heads of people seen from behind are left visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whole people are hidden, head to foot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound: left out of the copy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound {span}: {action} ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>muted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bleeped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only {span} of the recording is exported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No redaction plan has been saved for this footage.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DetailsPanel</name>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device / officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ingested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the whole SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-hash the original and compare with the SHA-256 recorded at ingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Describe again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probe the original again (after checking its SHA-256) and record what this version finds otherwise: for footage an older version described, whose detection stops over its frame count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidential (kept beyond retention)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} {1}×{2}, {3} frames/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (variable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, rotated {0}°</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} by {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted under the retention policy on {0}; only its record remains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept: legal hold ({0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept: marked evidential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept while case {0} is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue for deletion since {0}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Due for deletion on {0} (in %n day(s)) unless marked evidential</source>
            <translation>
                <numerusform>Due for deletion on {0} (in %n day) unless marked evidential</numerusform>
                <numerusform>Due for deletion on {0} (in %n days) unless marked evidential</numerusform>
            </translation>
        </message>
        <message>
            <source>Hashing the original of #{0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification cancelled: nothing was checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ Unchanged since ingest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop hashing the original: nothing is checked or changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to verify: the original was deleted under the retention policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ The description stands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ Described again: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hashing and probing the original of #{0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Describing again cancelled: nothing was changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>picture size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>frame rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>frame count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rotation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>container</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>video codec</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is this footage evidence?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is this footage no longer evidence?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidential status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ElidedLabel</name>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>BWV Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export redacted copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pixelate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blur</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Solid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 light … 5 solid. Blur at 1-2 is only for small background faces.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ellipse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. {case} REDACTED COPY {date} {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep sound (ranges hidden: {0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove all sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the original's metadata (GPS position, device serial …)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide the heads of people found by body, so those seen from behind are hidden too ({0} found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off: only faces and text are hidden. A person seen from behind can still be recognised by their hair, head and build.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide whole people, not only faces and heads (children, victims, home interiors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everyone the people detector found is hidden from head to foot, except people kept visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the export for faces still visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace files of the same name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reject…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strength</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Caption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the export settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} review range(s) not marked as reviewed: a missed face is most likely there (N jumps to the next).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Faces have not been detected yet; the export will detect them first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is the plan rejected?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not requested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Awaiting a supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approved by {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected by {0}: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (required before export)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file name must end in .mp4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan has changed, so it needs a supervisor's approval again before it can be exported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export cancelled; nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the original's SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detecting faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the redacted video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the export for faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Written: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manifest: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit extract: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frames: {0}, with redactions: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The export was not checked for visible faces.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WARNING: {0} possible face(s) still visible; check these frames before release:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} text region(s) (plates, screens, documents) nobody decided about; check these frames before release:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>face not covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>face partly covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redaction too weak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text nobody decided about (plate, screen, document)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>  {0}: frame {1} ({2:.2f} s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check passed: no visible face found in the export other than those kept visible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check passed: no visible face found in the export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstAdministratorDialog</name>
        <message>
            <source>Create the administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store has no accounts yet. Create its administrator, who then adds everyone else.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least {0} characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create and sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FlagCategory</name>
        <message>
            <source>Evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use of force</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disclosure candidate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensitive: minor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensitive: medical</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sensitive: home interior</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FlagDialog</name>
        <message>
            <source>Edit flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FlagsPanel</name>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter flags…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FootageTableModel</name>
        <message>
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frames</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device / officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept (legal hold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept (evidential)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept (open case {0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overdue</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FootageView</name>
        <message>
            <source>Add flag at playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit flag</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IngestDialog</name>
        <message>
            <source>Adding footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File {0} of {1}: {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} added, {1} already present, {2} failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not linked to case {0}: {1}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) linked to case {0}.</source>
            <translation>
                <numerusform>%n item linked to case {0}.</numerusform>
                <numerusform>%n items linked to case {0}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Adding footage failed: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled. Files already added stay in the library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IntegrityDialog</name>
        <message>
            <source>Verify integrity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks the audit trail's chain and signatures, rebuilds users, footage, plans, exports and rules from it, checks the anchors and re-hashes every export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check with a folder of packs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also check every anchor, audit extract and pack in a folder (the disclosure share, a court bundle, saved checkpoints)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder of packs and checkpoints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: nothing was checked to the end.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>UNREADABLE: {0} (changed outside BWV Studio)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>UNREADABLE: and {0} more values like these.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NOT FINISHED: the store could not be reached part-way, so some checks did not run (below); the checks that finished found nothing changed. Check again once the store can be reached.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chain intact: {0} events, head {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chain BROKEN ({0}) at event #{1}: {2}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TAMPERED ({0}): {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signatures: {0} events signed and verified; {1} unsigned, by accounts without a signing key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Root key: {0} ({1}'s, registered by event #{2}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Root key: none yet (a store made before signing).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No administrator has vouched for the keys of: {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NOT CHECKED: {0} stopped: {1} ({2})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NOT CHECKED: {0} stopped: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ANCHOR BROKEN: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anchors: {0} of {1} held by the store.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>EXPORT {0}: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exports: {0} of {1} match their recorded SHA-256.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Intact: nothing checked was changed, and every signature verifies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TAMPERED or damaged: see the red lines below.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobState</name>
        <message>
            <source>queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobsDialog</name>
        <message>
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detect faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcribe speech</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working copy (every face redacted; never released)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue for the footage of case {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue for the case's footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One job per footage item of the case chosen in the library; 'bwv worker' runs them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a case in the library first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jobs run on a computer running 'bwv worker'. They store detection runs and transcripts, or write working copies marked on every frame; they never release anything.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder for the working copies (a share the workers can write)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>detect ({0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>working copy ({0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>transcribe</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanesView</name>
        <message>
            <source>No sound</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <source>Show the footage of one case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by file, case, date (UTC), device…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video files ({0});;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a folder of footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {0}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n footage item(s)</source>
            <translation>
                <numerusform>%n footage item</numerusform>
                <numerusform>%n footage items</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not load the library: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>BWV Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speech</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About BWV Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add footage…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;witch user…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Let someone else sign in without closing the window (audited)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redact this footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go to time or frame…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Retention…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Jobs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify integrity…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed in as {0} ({1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play or pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play faster / slower (paused: J steps back 1 s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Right / Left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next / previous frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shift+Right / Shift+Left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward / back 5 seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First / last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a flag at the playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected flag (timeline)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click a flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo / redo flag edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to a time or frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload the library and the cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the redaction workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: detect faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: redacted preview / boxes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: draw a box (drag on the video)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: follow the selected box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: next review warning / mark it reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: merge the selected tracks (the same person)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: mute the range selected on the lanes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workspace: export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time (HH:MM:SS.mmm) or frame number (#123):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MISSING OR CHANGED</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;p&gt;Offline redaction and disclosure of body-worn video.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detector models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About BWV Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Work is still running (detection, a pack, an import). Quit anyway? It is stopped, and nothing half-finished is kept.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <source>New case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. SAR-2026-001</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No personal data: the title is audited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None set by law: set it by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject access and FOI requests get their statutory deadline from the date received unless one is set by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A case needs a reference.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OpenItemsDialog</name>
        <message>
            <source>Approve the redaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What you approve (read it first):</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) nobody has dealt with. Approving means you answer for each: give a reason in its row, or go through the whole list and tick "All reviewed". The answers are recorded with the approval and in the disclosure record.</source>
            <translation>
                <numerusform>%n item nobody has dealt with. Approving means you answer for each: give a reason in its row, or go through the whole list and tick "All reviewed". The answers are recorded with the approval and in the disclosure record.</numerusform>
                <numerusform>%n items nobody has dealt with. Approving means you answer for each: give a reason in its row, or go through the whole list and tick "All reviewed". The answers are recorded with the approval and in the disclosure record.</numerusform>
            </translation>
        </message>
        <message>
            <source>No open items to answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All reviewed: I have gone through every item above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note on the approval (optional, recorded)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanCommands</name>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The reason is recorded with this edit, in the manifest and in the disclosure record.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is text {0} kept visible?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is person {0} kept visible?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is person {0} the only one kept visible?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep text {0} visible…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact text {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not identifying: leave it visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep person {0} visible…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact person {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a person: leave it visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact person {0} (heads are not hidden in this plan: export options)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep only person {0}, hide everything else…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete box M{0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person {0} is one person now and redacted again: only one part was kept visible. Keep them visible again if they should be seen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a manual box to follow.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected box is not on this frame.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Following box {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Box {0} followed to frame {1}; check it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No review ranges left to check.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} faces appeared away from the picture edge (people {1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} faces vanished away from the picture edge (people {1})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0}; people lost or found while it swings: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0}; people lost or found at its ends: {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>faces lost right after frames with faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a face vanished away from the picture edge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a face appeared away from the picture edge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no face found in this stretch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the camera swings fast here: faces may be blurred or their boxes behind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>person {0}, kept visible, was lost here and found again near where they were last seen (the last frame): is it the same person? R if it is; if not, Split here: cut where they were found again, the rest redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>person {0} was lost and person {1} found beside them: the same person? S merges them and covers the frames between; R if they are not</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review frames {0}-{1}: {2}. {3} left.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No review range at the playhead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drag on the lanes under the video to select the time range to mute.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanStep</name>
        <message>
            <source>Redone: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undone: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlayerPanel</name>
        <message>
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play / pause (Space; J K L)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to start (Home)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back 5 s (Shift+Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous frame (Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next frame (Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward 5 s (Shift+Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to end (End)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playback is unavailable: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No footage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0}  frame {1} / {2}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close without Saving</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide Details...</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ignore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RedactionWorkspace</name>
        <message>
            <source>People</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>People and boxes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speech</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What is said: find words and mute or bleep them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detected before by an earlier version of the detector, whose findings are not used: press Detect faces to detect again (the plan's decisions are then offered to carry over).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Faces not detected yet with this preset: press Detect faces.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n person(s) found by face</source>
            <translation>
                <numerusform>%n person found by face</numerusform>
                <numerusform>%n people found by face</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n person(s) tracked</source>
            <translation>
                <numerusform>%n person tracked</numerusform>
                <numerusform>%n people tracked</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n by body (heads; {0} of them also found by face)</source>
            <translation>
                <numerusform>%n by body (heads; {0} of them also found by face)</numerusform>
                <numerusform>%n by body (heads; {0} of them also found by face)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n by body (heads)</source>
            <translation>
                <numerusform>%n by body (heads)</numerusform>
                <numerusform>%n by body (heads)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n text region(s)</source>
            <translation>
                <numerusform>%n text region</numerusform>
                <numerusform>%n text regions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n text region(s) (plates, screens, documents)</source>
            <translation>
                <numerusform>%n text region (plates, screens, documents)</numerusform>
                <numerusform>%n text regions (plates, screens, documents)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n range(s) to review</source>
            <translation>
                <numerusform>%n range to review</numerusform>
                <numerusform>%n ranges to review</numerusform>
            </translation>
        </message>
        <message>
            <source>{0} ({1}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stored run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>detected now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The edit could not be saved: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T{0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>H{0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>H{0} visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>M{0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>M{0}: drag to extend to this frame</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>Retention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File owned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes: the original lies in a managed folder and applying deletes it. No: it is only marked deleted; the owner of its folder deletes the file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift hold…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop after the item being deleted; every item is either untouched or fully deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The retention policy was not applied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Footage that is not evidential is kept {0} days after it was recorded. Managed folders (applying deletes originals there; elsewhere it only marks them deleted): {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) due for deletion.</source>
            <translation>
                <numerusform>%n item due for deletion.</numerusform>
                <numerusform>%n items due for deletion.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing is due for deletion.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete every item due, leaving its record (hash and metadata)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a supervisor or an administrator can apply the retention policy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a supervisor can place or lift a legal hold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the selected footage whatever its retention date (asks for the reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift the legal hold of the selected footage (asks for the reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply the retention policy</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete %n footage item(s) whose retention period has ended? Originals in managed folders are deleted; the others are marked deleted. Their records stay. This cannot be undone.</source>
            <translation>
                <numerusform>Delete %n footage item whose retention period has ended? Originals in managed folders are deleted; the others are marked deleted. Their records stay. This cannot be undone.</numerusform>
                <numerusform>Delete %n footage items whose retention period has ended? Originals in managed folders are deleted; the others are marked deleted. Their records stay. This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>Applying the retention policy…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applying the retention policy… item {0} of {1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped. Items already deleted stay deleted (their records are kept); the rest are untouched.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) deleted; their records are kept.</source>
            <translation>
                <numerusform>%n item deleted; their records are kept.</numerusform>
                <numerusform>%n items deleted; their records are kept.</numerusform>
            </translation>
        </message>
        <message>
            <source>Why must {0} be kept (e.g. a civil claim)? It is recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is the legal hold on {0} lifted? It is recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift hold</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RetentionState</name>
        <message>
            <source>Due for deletion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Legal hold</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidential</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Frames {0}-{1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No review ranges.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review {0}/{1}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review: {0} of {1} checked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewSpeech</name>
        <message>
            <source>Audio track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio track {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No audio: this recording has no sound track.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not transcribed yet: transcribe it in the Redact tab's Speech tab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} words, model {1}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Role</name>
        <message>
            <source>Disclosure officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RunLoader</name>
        <message>
            <source>Detection cancelled; nothing was stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading stored detections…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detecting faces ({0})…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detecting faces: frame {0} / {1}, {2:.1f} frames/s, about {3} left</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty: SQLite in the data folder; e.g. postgresql+psycopg://user@host/bwv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the system (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty: your login name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exports need a supervisor's approval of the exact plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A rule of the evidence store, for every workstation; only an administrator changes it, and the change is audited.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A rule of the evidence store, for every workstation: ask an administrator to change it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One reason per line; offered when a person is redacted or kept, a box drawn or audio muted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to {0}. A new data folder, database, language or look is used from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The settings could not be saved: {0}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign in to BWV Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SpeechPanel</name>
        <message>
            <source>Audio track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcribe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write down the speech on this track with the offline speech model (on this computer; nothing is sent anywhere)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names to find (comma between names)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names given in the case (the requester's is filled in) and any you add: they are suggested wherever they are said. Names you add are kept with the case (footage opened from a case) for its other footage; they are personal data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every time it is said</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bleep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disguise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lower the voice's pitch in the selected words. Not anonymisation on its own: accent, words and rhythm can still identify a speaker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disguise the whole track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speaker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disguise speaker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lower the pitch of every word of the speaker chosen (and of short answers nobody could place: Speaker ?). Speakers are told apart by their voices, as a proposal: listen first. Speech with no words goes with the speaker whose voice it is like, or with every speaker when unsure. Not anonymisation on its own</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unhide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested personal details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested for hiding (check each):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio track {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No audio: this recording has no sound track.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not transcribed yet: press Transcribe.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} words, model {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speaker {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for personal details…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names to find kept with case {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcribing audio track {0}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcribing cancelled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Suggestions</name>
        <message>
            <source>name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>postcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vehicle registration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e-mail address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>collar number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PNC reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>speech not transcribed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>looks like a {kind}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>said after “{cue}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>said after words that sound like “{cue}”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a name given in the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sounds like a name given in the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>someone speaks here but the speech model wrote no words: listen to it</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SwitchUser</name>
        <message>
            <source>Work is still running in this window; let it finish or cancel it before someone else signs in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store trusts the computer's own sign-in: to work as someone else, sign in to the computer as them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Switch user</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrackButtons</name>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The selected tracks are one person (S: the same person)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Split here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut the selected track at the playhead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a face from here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss the selected track from the playhead to its end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <comment>button: delete a box or track</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected manual box, or mark the selected track as not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>manual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>low confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text: plate, screen, document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a person's head (people detector)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a head left visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dashed: carried by motion, interpolated or padded box</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TracksPanel</name>
        <message>
            <source>Track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep
visible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person {1} (head {0})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person {0} (head)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not identifying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a face</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>left visible: heads are not hidden in this plan (export options)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manual {0}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n frame(s)</source>
            <translation>
                <numerusform>%n frame</numerusform>
                <numerusform>%n frames</numerusform>
            </translation>
        </message>
        <message>
            <source>{0} frames, {1} keyframes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Find words…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speaker {0}:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least {0} characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deactivate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Let a user locked by failed sign-ins sign in again (asks why; audited)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vouch for key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vouch for a key its owner registered themself: type the fingerprint they read out to you (audited)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take over root key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This store has no root key and its first account cannot give it: make your key the root (asks why; audited)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>root</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vouched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not vouched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your signing key: {0}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an administrator can add or change users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the new user a password (they can change it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} is now: {1}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} can sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{0} can no longer sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the new password twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change your own password with 'bwv user passwd' (it asks for the current one).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password of {0} set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why may {0} sign in again? (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vouch for key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The fingerprint {0} reads out from their own Users window:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You vouched for the key of {0}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take over root key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why does the root key pass to you? (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your password (it opens your signing key):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your key is now this store's root key. Publish its fingerprint and vouch for the other keys.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WorkspaceControls</name>
        <message>
            <source>Fast</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balanced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thorough (faces and text)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detect faces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detect and track faces in the background; results are stored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop detection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the redacted picture as it will be exported, or the boxes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw a box over a missed face, a tattoo, a screen, a number plate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the selected manual box through the next seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jump to the next range to review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark reviewed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark the review range at the playhead as checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mute the sound in the range selected on the lanes (drag to select)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unmute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected muted range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget the people chosen on another detection run and choose them on this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Carry over…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Carry the decisions made on another detection run to the same people on this one (you confirm each)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export only the range selected on the lanes (again with nothing selected: the whole footage)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The reason recorded with your next edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the redacted MP4, its manifest and audit extract</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open footage from the library.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
