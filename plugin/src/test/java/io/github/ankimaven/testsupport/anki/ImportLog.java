package io.github.ankimaven.testsupport.anki;

import java.util.ArrayList;
import java.util.List;

/**
 * The note log of {@code anki.import_export.ImportResponse} (Anki 2.1.66):
 * <pre>
 * ImportResponse { OpChanges changes = 1; Log log = 2; }
 * Log  { repeated Note new = 1; updated = 2; duplicate = 3; conflicting = 4;
 *        // CSV import only: first_field_match = 5; missing_notetype = 6; missing_deck = 7;
 *        //                  empty_first_field = 8; DupeResolution dupe_resolution = 9; uint32 found_notes = 10 }
 * Note { notes.NoteId id = 1 (NoteId { int64 nid = 1 }); repeated string fields = 2; }
 * </pre>
 * Note ids are ids in the <em>target</em> collection, except for conflicting notes (source id).
 * Fields are HTML-stripped (media file names kept).
 */
public record ImportLog(List<LogNote> newNotes, List<LogNote> updated, List<LogNote> duplicate,
                        List<LogNote> conflicting) {

    public record LogNote(long noteId, List<String> fields) {
        public String firstField() {
            return fields.isEmpty() ? "" : fields.get(0);
        }
    }

    public String summary() {
        return "new=" + newNotes.size() + " updated=" + updated.size()
                + " duplicate=" + duplicate.size() + " conflicting=" + conflicting.size();
    }

    static ImportLog decodeResponse(byte[] importResponse) {
        ImportLog log = new ImportLog(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Proto.Reader r = new Proto.Reader(importResponse);
        while (r.next()) {
            if (r.field() == 2) {
                log.decodeLog(r.message());
            } else {
                r.skip();
            }
        }
        return log;
    }

    private void decodeLog(Proto.Reader r) {
        while (r.next()) {
            List<LogNote> target = switch (r.field()) {
                case 1 -> newNotes;
                case 2 -> updated;
                case 3 -> duplicate;
                case 4 -> conflicting;
                default -> null;
            };
            if (target == null) {
                r.skip();
            } else {
                target.add(decodeNote(r.message()));
            }
        }
    }

    private static LogNote decodeNote(Proto.Reader r) {
        long id = 0;
        List<String> fields = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    Proto.Reader noteId = r.message();
                    while (noteId.next()) {
                        if (noteId.field() == 1) id = noteId.varint(); else noteId.skip();
                    }
                }
                case 2 -> fields.add(r.string());
                default -> r.skip();
            }
        }
        return new LogNote(id, List.copyOf(fields));
    }
}
