package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;

/**
 * The work mode a check-in records, stored by name in {@code attendance_check_in.work_mode}, whose check constraint
 * lists exactly these names (change set attendance-011): an office day, a day from anywhere, or dinas luar.
 */
enum CheckInMode {
    WFO,
    WFA,
    DL;

    /** The mode of the day FWA answered: dinas luar, from anywhere (WFA), else the office (a leave or holiday day too). */
    static CheckInMode of(DayAnswer answer) {
        return answer.mode() == WorkMode.DINAS_LUAR ? DL : answer.anywhere() ? WFA : WFO;
    }
}
