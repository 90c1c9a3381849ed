import { createRequire } from 'module'; const require = createRequire(import.meta.url);

// packages/core/src/errors/ExamcycleError.ts
var BRAND = /* @__PURE__ */ Symbol.for("examcycle.error");
var ExamcycleError = class extends Error {
  /** The literal reason. */
  code;
  /** Where it happened, when it came from data. */
  location;
  /** Whether a retry can help. */
  retryable;
  /** The rule that decided, when a policy denied something. */
  rule;
  /** Extra machine-readable detail. */
  details;
  constructor(code, message, options = {}) {
    const cause = options.cause === void 0 ? void 0 : normaliseCause(options.cause);
    super(message, cause === void 0 ? void 0 : { cause });
    this.name = "ExamcycleError";
    this.code = code;
    this.location = options.location;
    this.retryable = options.retryable ?? false;
    this.rule = options.rule;
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }
  /** A plain JSON form (for logs and audit trails). */
  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...this.location ? { location: this.location } : {},
      ...this.rule ? { rule: this.rule } : {},
      ...this.retryable ? { retryable: true } : {},
      ...this.details ? { details: this.details } : {},
      ...this.cause ? { cause: { name: this.cause.name, message: this.cause.message } } : {}
    };
  }
};
function normaliseCause(cause) {
  if (cause instanceof Error) return cause;
  return new Error(typeof cause === "string" ? cause : JSON.stringify(cause) ?? String(cause));
}

// packages/core/src/time/clock.ts
import { DateTime } from "luxon";
var LONDON = "Europe/London";
function toLondon(value) {
  const dt = typeof value === "number" ? DateTime.fromMillis(value, { zone: LONDON }) : DateTime.fromISO(value, { zone: LONDON, setZone: false });
  if (!dt.isValid) {
    throw new ExamcycleError("invalid_value", `Not a valid instant: ${String(value)}`, {
      details: { reason: dt.invalidExplanation ?? dt.invalidReason }
    });
  }
  return dt.setZone(LONDON);
}
function endOfLondonDay(date) {
  return londonDate(date).endOf("day").toISO();
}
function londonTime(date, time) {
  const [h, m] = time.split(":").map(Number);
  if (h === void 0 || m === void 0 || !Number.isInteger(h) || !Number.isInteger(m) || h > 23 || m > 59) {
    throw new ExamcycleError("invalid_value", `Not a valid HH:mm time: ${time}`);
  }
  return londonDate(date).set({ hour: h, minute: m }).toISO();
}
function londonDate(date) {
  const dt = DateTime.fromISO(date, { zone: LONDON });
  if (!dt.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new ExamcycleError("invalid_value", `Not a valid YYYY-MM-DD date: ${date}`);
  }
  return dt.startOf("day");
}

// packages/core/src/domain/identifierSchemas.ts
import { z } from "zod";

// packages/core/src/identifiers/candidateNumber.ts
function isValidCandidateNumber(value) {
  return typeof value === "string" && /^\d{4}$/.test(value) && value !== "0000";
}
function isValidCentreNumber(value) {
  return typeof value === "string" && /^\d{5}$/.test(value) && value !== "00000";
}

// packages/core/src/identifiers/uci.ts
var CHECK_LETTERS = "ABCDEFGHKLMRTVWXY";
var POSITION_SIX = /^[0A-P]$/;
function uciBody(body) {
  if (!/^\d{5}[0-9A-P]\d{6}$/.test(body)) return void 0;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const ch = body.charCodeAt(i);
    const value = ch >= 65 ? ch - 64 : ch - 48;
    sum += value * (16 - i);
  }
  return sum % 17;
}
function uciCheckCharacter(body) {
  const r = uciBody(body);
  return r === void 0 ? void 0 : CHECK_LETTERS[r];
}
function isValidUci(value) {
  if (typeof value !== "string" || value.length !== 13) return false;
  if (!POSITION_SIX.test(value[5])) return false;
  return uciCheckCharacter(value.slice(0, 12)) === value[12];
}

// packages/core/src/identifiers/uln.ts
function isValidUln(value) {
  if (typeof value !== "string" || !/^[1-9]\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (value.charCodeAt(i) - 48) * (10 - i);
  return sum % 11 === 10;
}

// packages/core/src/identifiers/upn.ts
var LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
function upnCheckCharacter(body) {
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(body)) return void 0;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const ch = body[i];
    const value = i === 11 && /[A-Z]/.test(ch) ? LETTERS.indexOf(ch) : ch.charCodeAt(0) - 48;
    sum += value * (i + 2);
  }
  return LETTERS[sum % 23];
}
function isValidUpn(value) {
  if (typeof value !== "string" || value.length !== 13) return false;
  if (value.slice(1, 4) === "000") return false;
  return upnCheckCharacter(value.slice(1)) === value[0];
}

// packages/core/src/domain/identifierSchemas.ts
var BAD_CHECK_CHARACTER = "bad_check_character";
var uciSchema = z.string().refine(isValidUci, {
  error: "Not a valid UCI: 13 characters whose last is the check letter",
  params: { code: BAD_CHECK_CHARACTER }
});
var ulnSchema = z.string().refine(isValidUln, {
  error: "Not a valid ULN: 10 digits, not starting with 0, weighted sum mod 11 = 10",
  params: { code: BAD_CHECK_CHARACTER }
});
var upnSchema = z.string().refine(isValidUpn, {
  error: "Not a valid UPN: 13 characters whose first is the check letter",
  params: { code: BAD_CHECK_CHARACTER }
});
var candidateNumberSchema = z.string().refine(isValidCandidateNumber, {
  error: "Not a valid candidate number: four digits, 0001 to 9999",
  params: { code: "invalid_value" }
});
var centreNumberSchema = z.string().refine(isValidCentreNumber, {
  error: "Not a valid centre number: five digits",
  params: { code: "invalid_value" }
});
var instantSchema = z.iso.datetime({ offset: true });
var calendarDateSchema = z.iso.date();
var clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Not an HH:mm time");
var academicYearSchema = z.string().regex(/^\d{4}\/\d{2}$/, "Not an academic year like 2025/26").refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), "The two years must be consecutive");

// packages/core/src/time/civilCalendar.ts
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civilFromDays(days) {
  const z4 = days + 719468;
  const era = Math.floor(z4 / 146097);
  const doe = z4 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 1e4 + month * 100 + day;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// packages/core/src/time/londonOffsetTable.ts
import { DateTime as DateTime2 } from "luxon";
var HOUR = 36e5;
var DAY = 864e5;
var LONDON_TABLE_START = 631152e6;
var LONDON_TABLE_END = 41339808e5;
var FIRST_YEAR = 1989;
var LAST_YEAR = 2101;
var MEAN_YEAR = 31556952e3;
function weekday(days) {
  return ((days + 4) % 7 + 7) % 7;
}
function lastSunday(year, month, lastDay) {
  const d = daysFromCivil(year, month, lastDay);
  return d - weekday(d);
}
function buildTable() {
  const starts = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
  const ends = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    const start = lastSunday(year, 3, 31);
    let end;
    if (year >= 1996) {
      end = lastSunday(year, 10, 31);
    } else {
      const earliest = daysFromCivil(year, 10, year < 1990 ? 23 : 22);
      end = earliest + (7 - weekday(earliest)) % 7;
    }
    starts[year - FIRST_YEAR] = start * DAY + HOUR;
    ends[year - FIRST_YEAR] = end * DAY + HOUR;
  }
  return { starts, ends };
}
var { starts: STARTS, ends: ENDS } = /* @__PURE__ */ buildTable();
function yearIndex(ms) {
  return Math.floor((ms - LONDON_TABLE_START) / MEAN_YEAR) + (1990 - FIRST_YEAR);
}
function summerTimeAround(ms) {
  const i = yearIndex(ms);
  return { start: STARTS[i], end: ENDS[i] };
}
function isSummerTime(ms) {
  const i = yearIndex(ms);
  return ms >= STARTS[i] && ms < ENDS[i];
}

// packages/core/src/time/instantToMillis.ts
var HOUR2 = 36e5;
var DAY2 = 864e5;
function two(s, i) {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}
function londonWall(wall) {
  if (!(wall >= LONDON_TABLE_START + DAY2 && wall < LONDON_TABLE_END - DAY2)) return NaN;
  const { start, end } = summerTimeAround(wall);
  if (wall < start || wall >= end + HOUR2) return wall;
  if (wall >= end) return NaN;
  return wall >= start + HOUR2 ? wall - HOUR2 : wall;
}
function fastMillis(s) {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  const date = daysFromCivil(year, month, day) * DAY2;
  if (n === 10) return londonWall(date);
  if (n < 16 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return NaN;
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (!(hour <= 23 && minute <= 59)) return NaN;
  let wall = date + hour * HOUR2 + minute * 6e4;
  let i = 16;
  if (s.charCodeAt(i) === 58) {
    const second = two(s, 17);
    if (!(second <= 59)) return NaN;
    wall += second * 1e3;
    i = 19;
    if (s.charCodeAt(i) === 46) {
      let scale = 100;
      i += 1;
      const first = i;
      for (let c2 = s.charCodeAt(i) - 48; c2 >= 0 && c2 <= 9 && i - first < 3; c2 = s.charCodeAt(i) - 48) {
        wall += c2 * scale;
        scale /= 10;
        i += 1;
      }
      if (i === first) return NaN;
      const next = s.charCodeAt(i) - 48;
      if (next >= 0 && next <= 9) return NaN;
    }
  }
  if (i === n) return londonWall(wall);
  const sign = s.charCodeAt(i);
  if (sign === 90) return i + 1 === n ? wall : NaN;
  if (sign !== 43 && sign !== 45 || n !== i + 6 || s.charCodeAt(i + 3) !== 58) return NaN;
  const offsetHours = two(s, i + 1);
  const offsetMinutes = two(s, i + 4);
  if (!(offsetHours <= 23 && offsetMinutes <= 59)) return NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 6e4;
  return sign === 43 ? wall - offset : wall + offset;
}
function instantToMillis(iso) {
  const ms = typeof iso === "string" ? fastMillis(iso) : NaN;
  return ms === ms ? ms : toLondon(iso).toMillis();
}

// packages/core/src/time/londonIso.ts
var HOUR3 = 36e5;
var DAY3 = 864e5;
function two2(n) {
  return n < 10 ? `0${n}` : `${n}`;
}
function londonIso(ms) {
  if (!(ms >= LONDON_TABLE_START && ms < LONDON_TABLE_END) || Math.floor(ms) !== ms) return toLondon(ms).toISO();
  const summer = isSummerTime(ms);
  const local = summer ? ms + HOUR3 : ms;
  const days = Math.floor(local / DAY3);
  let rest = local - days * DAY3;
  const hour = Math.floor(rest / HOUR3);
  rest -= hour * HOUR3;
  const minute = Math.floor(rest / 6e4);
  rest -= minute * 6e4;
  const second = Math.floor(rest / 1e3);
  const milli = rest - second * 1e3;
  const ymd = civilFromDays(days);
  const year = Math.floor(ymd / 1e4);
  const month = Math.floor(ymd / 100) % 100;
  const day = ymd % 100;
  const fraction = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${year}-${two2(month)}-${two2(day)}T${two2(hour)}:${two2(minute)}:${two2(second)}.${fraction}${summer ? "+01:00" : "+00:00"}`;
}

// packages/core/src/time/londonWallToMillis.ts
var HOUR4 = 36e5;
var DAY4 = 864e5;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;
function londonWallToMillis(date, time) {
  const d = DATE.exec(date);
  const t2 = TIME.exec(time);
  const year = Number(d?.[1]);
  const month = Number(d?.[2]);
  const day = Number(d?.[3]);
  if (!d || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ExamcycleError("invalid_value", `Not a valid YYYY-MM-DD date: ${date}`);
  }
  const hour = Number(t2?.[1]);
  const minute = Number(t2?.[2]);
  const second = Number(t2?.[3] ?? 0);
  const milli = Number(t2?.[4] ?? 0);
  if (!t2 || hour > 23 || minute > 59 || second > 59) {
    throw new ExamcycleError("invalid_value", `Not a valid HH:mm time: ${time}`);
  }
  const wall = daysFromCivil(year, month, day) * DAY4 + hour * HOUR4 + minute * 6e4 + second * 1e3 + milli;
  if (!(wall >= LONDON_TABLE_START + DAY4 && wall < LONDON_TABLE_END - DAY4)) {
    return londonDate(date).set({ hour, minute, second, millisecond: milli }).toMillis();
  }
  const { start, end } = summerTimeAround(wall);
  return wall >= start + HOUR4 && wall < end + HOUR4 ? wall - HOUR4 : wall;
}

// packages/core/src/domain/staff.ts
import { z as z2 } from "zod";
var staffRoleSchema = z2.enum([
  "head_of_centre",
  "senior_leader",
  "line_manager",
  "exams_officer",
  "exams_office_staff",
  "teacher",
  /** Checks and signs off the entries for their department (entry checking); a subject or curriculum leader. */
  "head_of_department",
  "senco",
  "invigilator"
]);
var staffMemberSchema = z2.object({
  id: z2.string().min(1),
  name: z2.string().min(1),
  email: z2.email().optional(),
  roles: z2.array(staffRoleSchema).min(1),
  active: z2.boolean().default(true)
});

// packages/core/src/eops/eopsAreas.ts
var EOPS_KNOWLEDGE_AREAS = [
  { id: "jcq_regulations", label: "JCQ regulations (including an update on changes for the current academic year)" },
  { id: "awarding_body_processes", label: "Awarding body processes/procedures" },
  { id: "key_dates", label: "Key dates/deadlines" },
  { id: "qualification_information", label: "Qualification information" },
  { id: "mis_updates", label: "Management Information System information and updates" },
  { id: "centre_specific_processes", label: "Centre-specific processes (if new to the role or centre)" },
  { id: "new_exams_officer_induction", label: "New exams officer induction" },
  { id: "own", label: "Own area (named on the target)" }
];
var EOPS_KEY_SKILL_AREAS = [
  { id: "time_management", label: "Time management" },
  { id: "people_management", label: "People management" },
  { id: "contingency_planning", label: "Contingency planning/risk management" },
  { id: "prioritising", label: "Prioritising tasks/workload/multitasking" },
  { id: "problem_solving", label: "Problem solving" },
  { id: "communication", label: "Communication skills" },
  { id: "handling_difficult_conversations", label: "Handling difficult conversations" },
  { id: "presentation", label: "Presentation skills" },
  { id: "decision_making", label: "Decision making" },
  { id: "managing_deadlines", label: "Managing deadlines" },
  { id: "working_collaboratively", label: "Working collaboratively" },
  { id: "own", label: "Own area (named on the target)" }
];
var EOPS_ACHIEVEMENT_METHODS = [
  { id: "face_to_face_training", label: "Face-to-face training" },
  { id: "online_training", label: "Online training" },
  { id: "peer_support", label: "Peer support" },
  { id: "personal_research", label: "Personal research" },
  { id: "networking", label: "Networking" },
  { id: "other", label: "Other (named on the target)" }
];

// packages/core/src/eops/eopsContext.ts
var EOPS_ROLES = ["senior_leader", "line_manager", "exams_officer"];
var EOPS_MEETING_KINDS = ["start", "first_week", "first_month", "first_term", "early", "exam_time", "monthly", "half_termly", "appraisal"];

// packages/core/src/eops/eopsEvents.ts
import { z as z3 } from "zod";
var EOPS_OFFICER_EVENT_TYPES = [
  "target.agree",
  "target.confirm",
  "target.mark",
  "valuesAndAttributes.sign",
  "meeting.record",
  "meetings.plan",
  "induction.complete",
  "certificate.request",
  "standards.declare"
];
var EOPS_EVENT_TYPES = [
  "centre.register",
  "account.register",
  "account.approve",
  "account.grantAdmin",
  "account.revokeAdmin",
  "account.deactivate",
  "account.activate",
  "account.update",
  "account.delete",
  "officer.register",
  ...EOPS_OFFICER_EVENT_TYPES,
  "year.rollover"
];
var text = z3.string().refine((s) => s.trim().length > 0, "must not be blank");
var ids = (list) => list.map((x) => x.id);
var stamp = {
  at: instantSchema,
  by: z3.object({ id: text, role: z3.union([staffRoleSchema, z3.literal("candidate"), z3.literal("system")]).optional() })
};
var userSchema = z3.object({ id: text, name: text, email: z3.email().optional(), roles: z3.array(z3.enum(EOPS_ROLES)).min(1) });
var targetBase = {
  id: text,
  ownArea: text.optional(),
  description: text,
  methods: z3.array(z3.enum(ids(EOPS_ACHIEVEMENT_METHODS))).min(1),
  otherMethod: text.optional(),
  successMeasure: text,
  dueBy: calendarDateSchema
};
var targetSchema = z3.discriminatedUnion("strand", [
  z3.object({ strand: z3.literal("knowledge_and_understanding"), area: z3.enum(ids(EOPS_KNOWLEDGE_AREAS)), ...targetBase }),
  z3.object({ strand: z3.literal("key_skills"), area: z3.enum(ids(EOPS_KEY_SKILL_AREAS)), ...targetBase })
]);
var meetingSchema = z3.object({ heldOn: calendarDateSchema, kind: z3.enum(EOPS_MEETING_KINDS).optional(), progress: text, wentWell: text, notSoWell: text, nextFocus: text });
var scheduledSchema = z3.object({
  date: calendarDateSchema,
  kind: z3.enum(EOPS_MEETING_KINDS),
  halfTerm: text
});
var inductionTemplateSchema = z3.object({
  id: text,
  period: z3.enum(["first_week", "first_month", "first_three_months"]),
  title: text,
  source: text,
  fulfilledBy: z3.enum(["registration", "values_and_attributes", ...EOPS_MEETING_KINDS.map((k) => `meeting:${k}`)]).optional()
});
var changesSchema = z3.object({ name: text.optional(), email: z3.email().nullable().optional(), roles: z3.array(z3.enum(EOPS_ROLES)).min(1).optional() }).refine((c2) => c2.name !== void 0 || c2.email !== void 0 || c2.roles !== void 0, "at least one of name, email, roles");
var account = { accountId: text };
var officer = { officerId: text };
var eopsEventSchema = z3.discriminatedUnion("type", [
  z3.object({ type: z3.literal("centre.register"), ...stamp, centre: z3.object({ centreNumber: centreNumberSchema, name: text }), user: userSchema }),
  z3.object({ type: z3.literal("account.register"), ...stamp, user: userSchema }),
  z3.object({ type: z3.literal("account.approve"), ...stamp, ...account, admin: z3.boolean().optional() }),
  z3.object({ type: z3.literal("account.grantAdmin"), ...stamp, ...account }),
  z3.object({ type: z3.literal("account.revokeAdmin"), ...stamp, ...account }),
  z3.object({ type: z3.literal("account.deactivate"), ...stamp, ...account }),
  z3.object({ type: z3.literal("account.activate"), ...stamp, ...account }),
  z3.object({ type: z3.literal("account.update"), ...stamp, ...account, changes: changesSchema }),
  z3.object({ type: z3.literal("account.delete"), ...stamp, ...account }),
  z3.object({
    type: z3.literal("officer.register"),
    ...stamp,
    ...officer,
    experience: z3.enum(["new", "new_to_centre", "experienced"]),
    startedOn: calendarDateSchema.optional(),
    induction: z3.array(inductionTemplateSchema).optional()
  }),
  z3.object({ type: z3.literal("target.agree"), ...stamp, ...officer, target: targetSchema }),
  z3.object({ type: z3.literal("target.confirm"), ...stamp, ...officer, targetId: text }),
  z3.object({ type: z3.literal("target.mark"), ...stamp, ...officer, targetId: text, status: z3.enum(["open", "achieved", "not_applicable"]), note: text.optional() }),
  z3.object({ type: z3.literal("valuesAndAttributes.sign"), ...stamp, ...officer }),
  z3.object({ type: z3.literal("meeting.record"), ...stamp, ...officer, meeting: meetingSchema }),
  z3.object({ type: z3.literal("meetings.plan"), ...stamp, ...officer, schedule: z3.array(scheduledSchema) }),
  z3.object({ type: z3.literal("induction.complete"), ...stamp, ...officer, itemId: text }),
  z3.object({ type: z3.literal("certificate.request"), ...stamp, ...officer }),
  z3.object({ type: z3.literal("standards.declare"), ...stamp, ...officer }),
  z3.object({ type: z3.literal("year.rollover"), ...stamp })
]);

// packages/core/src/examTime/examTimeLimits.ts
var EXAM_TIME_LIMITS = {
  /** Rows, or columns, of one room's seat grid. */
  maxRowsOrColumns: 1e4,
  /** Seats in one room's grid (rows × columns). */
  maxGridSeats: 1e5,
  /** Seats in the grids of all the rooms of one session's seating plan. */
  maxSessionGridSeats: 1e6,
  /** A seat or row pitch, and the spacing between candidates, metres. */
  maxMetres: 100,
  /** A paper's published duration, minutes (a day). */
  maxDurationMinutes: 1440,
  /** A limit or threshold on a session's or day's total time, minutes. */
  maxLimitMinutes: 1e5,
  /** Extra time, percent. */
  maxExtraTimePercent: 1e3,
  /** Supervised rest-break minutes per hour. */
  maxRestBreakMinutesPerHour: 60,
  /** Candidates per invigilator. */
  maxRatio: 1e3,
  /** Candidates counted in one room, or scripts in one despatch. */
  maxCount: 1e6,
  /** Candidates in a compact clash search (a national series). */
  maxCandidates: 1e7,
  /** Papers in a compact clash search. */
  maxPapers: 1e6,
  /** Working days to a report's deadline. */
  maxWorkingDays: 366
};
function fitsRule(value, rule) {
  return typeof value === "number" && Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && (rule.minExclusive ? value > rule.min : value >= rule.min) && value <= rule.max;
}
function checkNumber(value, field, rule) {
  if (fitsRule(value, rule)) return value === 0 ? 0 : value;
  const shown = typeof value === "number" ? Object.is(value, -0) ? "-0" : String(value) : typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
  const range = `${rule.minExclusive ? "more than" : rule.min === 0 ? "0 or more" : `at least ${rule.min}`}${rule.minExclusive ? ` ${rule.min}` : ""}, at most ${rule.max}`;
  throw new ExamcycleError("invalid_value", `${field} must be a ${rule.integer ? "whole number" : "finite number"}, ${range} (got ${shown})`, {
    location: { field, value: shown },
    details: { field, value: shown, min: rule.min, max: rule.max, ...rule.minExclusive ? { minExclusive: true } : {}, integer: rule.integer }
  });
}
function ruleNumber(rules2, name, rule) {
  return checkNumber(sourcedValue(rules2, name), `rules.${name}`, rule);
}
function sourcedValue(rules2, name) {
  if (typeof rules2 !== "object" || rules2 === null) return void 0;
  const sourced = rules2[name];
  return typeof sourced === "object" && sourced !== null ? sourced.value : void 0;
}
function checkObject(value, field) {
  if (typeof value !== "object" || value === null) {
    throw new ExamcycleError("invalid_value", `${field} must be an object (got ${value === null ? "null" : typeof value})`, { location: { field }, details: { field } });
  }
}
function checkArray(value, field) {
  if (!Array.isArray(value)) {
    throw new ExamcycleError("invalid_value", `${field} must be an array (got ${value === null ? "null" : typeof value})`, { location: { field }, details: { field } });
  }
}
function count(max) {
  return { integer: true, min: 0, max };
}
function positiveCount(max) {
  return { integer: true, min: 1, max };
}
var PITCH_RULE = { integer: false, min: 0, minExclusive: true, max: EXAM_TIME_LIMITS.maxMetres };
var SPACING_RULE = { integer: false, min: 0, max: EXAM_TIME_LIMITS.maxMetres };

// packages/core/src/examTime/timeAllowance.ts
function timeAllowanceOf(candidateId, arrangements) {
  checkArray(arrangements, "arrangements");
  let extraTimePercent = 0;
  let restBreakMinutesPerHour = 0;
  for (const a of arrangements) {
    checkObject(a, "arrangements[]");
    if (a.candidateId !== candidateId) continue;
    const problem = arrangementNumberProblem(a);
    if (problem) checkNumber(problem.value, `arrangements[${String(a.id)}].${problem.field}`, problem.rule);
    if (a.kind === "extra_time" && a.extraTimePercent !== void 0) extraTimePercent = Math.max(extraTimePercent, a.extraTimePercent);
    if (a.restBreakMinutesPerHour !== void 0) restBreakMinutesPerHour = Math.max(restBreakMinutesPerHour, a.restBreakMinutesPerHour);
  }
  return { extraTimePercent, restBreakMinutesPerHour };
}
var EXTRA_TIME_RULE = count(EXAM_TIME_LIMITS.maxExtraTimePercent);
var REST_BREAK_RULE = count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);
function arrangementNumberProblem(a) {
  const ok = (v, max) => v === void 0 || typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;
  if (!ok(a.extraTimePercent, EXTRA_TIME_RULE.max)) return { field: "extraTimePercent", value: a.extraTimePercent, rule: EXTRA_TIME_RULE };
  if (!ok(a.restBreakMinutesPerHour, REST_BREAK_RULE.max)) return { field: "restBreakMinutesPerHour", value: a.restBreakMinutesPerHour, rule: REST_BREAK_RULE };
  return void 0;
}
function arrangementKindsOf(candidateId, arrangements) {
  const kinds = /* @__PURE__ */ new Set();
  for (const a of arrangements) if (a.candidateId === candidateId) kinds.add(a.kind);
  return [...kinds].sort();
}
function allowedMinutes(durationMinutes, extraTimePercent, restBreakMinutesPerHour) {
  const extended = Math.floor((durationMinutes * (100 + extraTimePercent) + 99) / 100);
  return extended + Math.floor((restBreakMinutesPerHour * extended + 59) / 60);
}
function durationText(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

// packages/core/src/examTime/publishedStart.ts
var HH_MM = /^\d{2}:\d{2}$/;
function publishedStartMillis(date, time) {
  return HH_MM.test(time) ? londonWallToMillis(date, time) : instantToMillis(londonTime(date, time));
}

// packages/core/src/examTime/centreTimetable.ts
var LIVE_STATUSES = /* @__PURE__ */ new Set(["draft", "submitted", "accepted", "amended"]);
var HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
function byPaperTime(a, b) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.session !== b.session ? a.session === "AM" ? -1 : 1 : a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function byId(a, b) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function inIdOrder(xs2) {
  for (let i = 1; i < xs2.length; i++) if (xs2[i - 1].id > xs2[i].id) return [...xs2].sort(byId);
  return xs2;
}
function buildCentreTimetable(input) {
  const issues = [];
  const arrangements = input.accessArrangements ?? [];
  const paperByKey = /* @__PURE__ */ new Map();
  const paperIds = /* @__PURE__ */ new Set();
  const slots = [];
  for (const paper of inIdOrder(input.papers)) {
    if (typeof paper.startTime !== "string" || !HHMM.test(paper.startTime) || !Number.isInteger(paper.durationMinutes) || paper.durationMinutes <= 0 || paper.durationMinutes > EXAM_TIME_LIMITS.maxDurationMinutes) {
      issues.push({ code: "invalid_paper", severity: "error", subject: { paperId: paper.id }, location: { value: `${String(paper.startTime)} ${String(paper.durationMinutes)}` }, message: `Paper ${paper.id} needs an HH:mm start and a whole duration from 1 to ${EXAM_TIME_LIMITS.maxDurationMinutes} minutes` });
      continue;
    }
    let at;
    try {
      at = londonIso(publishedStartMillis(paper.date, paper.startTime));
    } catch (cause) {
      issues.push({ code: "invalid_paper", severity: "error", subject: { paperId: paper.id }, location: { value: paper.date }, message: `Paper ${paper.id} has an invalid date: ${cause.message}` });
      continue;
    }
    if (paperIds.has(paper.id)) {
      issues.push({ code: "duplicate_paper", severity: "error", subject: { paperId: paper.id }, location: { value: paper.id }, message: `Paper id ${paper.id} is used twice; the first is used` });
      continue;
    }
    let bodies = paperByKey.get(paper.seriesId);
    if (!bodies) paperByKey.set(paper.seriesId, bodies = /* @__PURE__ */ new Map());
    let codes = bodies.get(paper.awardingBodyId);
    if (!codes) bodies.set(paper.awardingBodyId, codes = /* @__PURE__ */ new Map());
    const seen = codes.get(paper.componentCode);
    if (seen) {
      issues.push({
        code: "duplicate_paper",
        severity: "error",
        subject: { paperId: paper.id },
        location: { value: `${paper.seriesId}|${paper.awardingBodyId}|${paper.componentCode}` },
        message: `Papers ${seen.paper.id} and ${paper.id} are both ${paper.awardingBodyId} component ${paper.componentCode} in ${paper.seriesId}; ${seen.paper.id} is used`
      });
      continue;
    }
    const slot = { paper, startsAt: at, rank: 0, session: 0, sittings: [] };
    codes.set(paper.componentCode, slot);
    paperIds.add(paper.id);
    slots.push(slot);
  }
  slots.sort((a, b) => byPaperTime(a.paper, b.paper));
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    const before = slots[i - 1];
    s.rank = i;
    s.session = !before ? 0 : before.paper.date === s.paper.date && before.paper.session === s.paper.session ? before.session : before.session + 1;
  }
  const candidateById = /* @__PURE__ */ new Map();
  for (const c2 of input.candidates) {
    if (candidateById.has(c2.id)) {
      issues.push({ code: "duplicate_candidate", severity: "error", subject: { candidateId: c2.id }, message: `Candidate ${c2.id} is listed twice; the first is used` });
      continue;
    }
    candidateById.set(c2.id, c2);
  }
  const arrangementsByCandidate = /* @__PURE__ */ new Map();
  for (const a of arrangements) {
    const problem = arrangementNumberProblem(a);
    if (problem) {
      issues.push({
        code: "invalid_arrangement",
        severity: "error",
        subject: { candidateId: a.candidateId, recordId: a.id },
        location: { field: problem.field, value: String(problem.value) },
        message: `Access arrangement ${a.id} (${a.kind}) has ${problem.field} ${String(problem.value)}; it must be a whole number from 0 to ${problem.rule.max}, so the arrangement is left out of the time allowed`
      });
      continue;
    }
    const list = arrangementsByCandidate.get(a.candidateId);
    if (list) list.push(a);
    else arrangementsByCandidate.set(a.candidateId, [a]);
  }
  const states = /* @__PURE__ */ new Map();
  let lastState;
  let lastSeries;
  let lastBody;
  let lastCodes;
  for (const entry of inIdOrder(input.entries)) {
    if (!LIVE_STATUSES.has(entry.status)) continue;
    let state = lastState !== void 0 && lastState.candidate.id === entry.candidateId ? lastState : states.get(entry.candidateId);
    if (!state) {
      const candidate2 = candidateById.get(entry.candidateId);
      if (!candidate2) {
        issues.push({ code: "unknown_candidate", severity: "error", subject: { entryId: entry.id, candidateId: entry.candidateId }, message: `Entry ${entry.id} is for candidate ${entry.candidateId}, who is not on the candidate list` });
        continue;
      }
      const own = arrangementsByCandidate.get(candidate2.id) ?? [];
      state = { candidate: candidate2, allowance: timeAllowanceOf(candidate2.id, own), kinds: arrangementKindsOf(candidate2.id, own), entries: [], sittings: [], slots: [] };
      states.set(candidate2.id, state);
    }
    lastState = state;
    const candidate = state.candidate;
    state.entries.push({
      entryId: entry.id,
      seriesId: entry.seriesId,
      awardingBodyId: entry.awardingBodyId,
      entryCode: entry.entryCode,
      componentCodes: [...entry.componentCodes],
      status: entry.status
    });
    if (entry.componentCodes.length === 0) {
      issues.push({ code: "no_components", severity: "warning", subject: { entryId: entry.id, candidateId: candidate.id }, location: { field: "componentCodes", value: entry.entryCode }, message: `Entry ${entry.id} (${entry.awardingBodyId} ${entry.entryCode}) lists no components, so no papers can be timetabled for it` });
      continue;
    }
    if (entry.seriesId !== lastSeries || entry.awardingBodyId !== lastBody) {
      lastSeries = entry.seriesId;
      lastBody = entry.awardingBodyId;
      lastCodes = paperByKey.get(lastSeries)?.get(lastBody);
    }
    const codes = lastCodes;
    const { extraTimePercent, restBreakMinutesPerHour } = state.allowance;
    for (const code of entry.componentCodes) {
      const slot = codes?.get(code);
      if (!slot) {
        issues.push({
          code: "component_not_timetabled",
          severity: "warning",
          subject: { entryId: entry.id, candidateId: candidate.id },
          location: { field: "componentCodes", value: code },
          message: `${entry.awardingBodyId} component ${code} of entry ${entry.entryCode} has no timetabled paper in ${entry.seriesId} (non-exam assessment, or a missing timetable row)`
        });
        continue;
      }
      if (state.slots.includes(slot)) {
        issues.push({ code: "duplicate_sitting", severity: "warning", subject: { entryId: entry.id, candidateId: candidate.id, paperId: slot.paper.id }, message: `Candidate ${candidate.candidateNumber} is entered for paper ${slot.paper.id} more than once; it is sat once` });
        continue;
      }
      const paper = slot.paper;
      state.slots.push(slot);
      state.sittings.push({
        candidateId: candidate.id,
        candidateNumber: candidate.candidateNumber,
        entryId: entry.id,
        paperId: paper.id,
        seriesId: paper.seriesId,
        awardingBodyId: paper.awardingBodyId,
        componentCode: paper.componentCode,
        title: paper.title,
        level: paper.level,
        kind: paper.kind,
        date: paper.date,
        session: paper.session,
        startTime: paper.startTime,
        startsAt: slot.startsAt,
        durationMinutes: paper.durationMinutes,
        allowedMinutes: allowedMinutes(paper.durationMinutes, extraTimePercent, restBreakMinutesPerHour),
        arrangementKinds: state.kinds
      });
    }
  }
  const ordered = [...states.values()].sort((a, b) => {
    const x = a.candidate;
    const y = b.candidate;
    return x.candidateNumber < y.candidateNumber ? -1 : x.candidateNumber > y.candidateNumber ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const candidates = [];
  const sessionCandidates = new Int32Array(slots.length === 0 ? 0 : slots[slots.length - 1].session + 1);
  for (const state of ordered) {
    const n = state.sittings.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = state.slots[i].rank * n + i;
    keys.sort();
    const sittings = [];
    let lastSession = -1;
    for (let i = 0; i < n; i++) {
      const j = keys[i] % n;
      const s = state.sittings[j];
      const slot = state.slots[j];
      sittings.push(s);
      slot.sittings.push(s);
      if (slot.session !== lastSession) {
        sessionCandidates[slot.session]++;
        lastSession = slot.session;
      }
    }
    const c2 = state.candidate;
    candidates.push({ candidate: c2, candidateId: c2.id, candidateNumber: c2.candidateNumber, allowance: state.allowance, arrangementKinds: state.kinds, entries: state.entries, sittings });
  }
  const papers = [];
  const sessions = [];
  let open;
  for (const slot of slots) {
    if (slot.sittings.length === 0) continue;
    const p = slot.paper;
    papers.push(p);
    if (!open || open.date !== p.date || open.session !== p.session) {
      open = { key: `${p.date}.${p.session}`, date: p.date, session: p.session, paperIds: [], sittings: [], candidateCount: sessionCandidates[slot.session] };
      sessions.push(open);
    }
    open.paperIds.push(p.id);
    for (const s of slot.sittings) open.sittings.push(s);
  }
  return { papers, sessions, candidates, issues };
}

// packages/core/src/examTime/findClashesCompact.ts
var COMPACT_CLASH_KIND = { sameSession: 0, dayTotal: 1 };
function badInput(message, field, value) {
  return new ExamcycleError("invalid_value", message, { location: { field, value: String(value) } });
}
function findClashesCompact(s, options) {
  checkObject(s, "sittings");
  checkObject(options, "options");
  for (const column of ["sittingCandidate", "sittingPaper", "paperSlot", "paperMinutes", "paperDayLimit"]) {
    if (!(s[column] instanceof Int32Array)) throw new ExamcycleError("invalid_value", `${column} must be an Int32Array`, { location: { field: column }, details: { field: column } });
  }
  const n = s.sittingCandidate.length;
  const C = checkNumber(s.candidateCount, "candidateCount", count(EXAM_TIME_LIMITS.maxCandidates));
  const P = checkNumber(s.paperSlot.length, "paperSlot", count(EXAM_TIME_LIMITS.maxPapers));
  const consecutiveMax = checkNumber(options.consecutiveMaxMinutes, "consecutiveMaxMinutes", count(EXAM_TIME_LIMITS.maxLimitMinutes));
  if (s.sittingPaper.length !== n) throw badInput(`sittingPaper has ${s.sittingPaper.length} rows, sittingCandidate ${n}`, "sittingPaper", s.sittingPaper.length);
  if (s.paperMinutes.length !== P || s.paperDayLimit.length !== P) throw badInput("paperSlot, paperMinutes and paperDayLimit must have one row per paper", "paperMinutes", s.paperMinutes.length);
  const xt = s.candidateExtraTimePercent;
  const rb = s.candidateRestBreakMinutesPerHour;
  if (xt && xt.length !== C) throw badInput(`candidateExtraTimePercent has ${xt.length} rows for ${C} candidates`, "candidateExtraTimePercent", xt.length);
  if (rb && rb.length !== C) throw badInput(`candidateRestBreakMinutesPerHour has ${rb.length} rows for ${C} candidates`, "candidateRestBreakMinutesPerHour", rb.length);
  if (xt) for (let c2 = 0; c2 < C; c2++) checkNumber(xt[c2], `candidateExtraTimePercent[${c2}]`, count(EXAM_TIME_LIMITS.maxExtraTimePercent));
  if (rb) for (let c2 = 0; c2 < C; c2++) checkNumber(rb[c2], `candidateRestBreakMinutesPerHour[${c2}]`, count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour));
  for (let p = 0; p < P; p++) {
    if (s.paperSlot[p] < 0) throw badInput(`paper ${p} has a negative slot`, "paperSlot", s.paperSlot[p]);
    if (s.paperMinutes[p] <= 0) throw badInput(`paper ${p} has no duration`, "paperMinutes", s.paperMinutes[p]);
    checkNumber(s.paperMinutes[p], `paperMinutes[${p}]`, positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes));
    checkNumber(s.paperDayLimit[p], `paperDayLimit[${p}]`, count(EXAM_TIME_LIMITS.maxLimitMinutes));
  }
  const sc = s.sittingCandidate;
  const sp = s.sittingPaper;
  const slotOf = s.paperSlot;
  const minutesOf = s.paperMinutes;
  const limitOf = s.paperDayLimit;
  const begin = new Int32Array(C + 1);
  for (let i = 0; i < n; i++) {
    const c2 = sc[i];
    if (c2 < 0 || c2 >= C) throw badInput(`sitting ${i} names candidate ${c2}, outside 0\u2026${C - 1}`, "sittingCandidate", c2);
    const p = sp[i];
    if (p < 0 || p >= P) throw badInput(`sitting ${i} names paper ${p}, outside 0\u2026${P - 1}`, "sittingPaper", p);
    begin[c2 + 1]++;
  }
  let maxPer = 0;
  for (let c2 = 0; c2 < C; c2++) {
    const k = begin[c2 + 1];
    if (k > maxPer) maxPer = k;
    begin[c2 + 1] = begin[c2] + k;
  }
  const fill = begin.slice(0, C);
  const order = new Int32Array(n);
  const byCandidatePaper = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[sc[i]]++;
    order[at] = i;
    byCandidatePaper[at] = sp[i];
  }
  let cap = Math.max(16, n >> 5);
  let kind = new Uint8Array(cap);
  let cand = new Int32Array(cap);
  let slot = new Int32Array(cap);
  let total = new Int32Array(cap);
  let limit = new Int32Array(cap);
  let start = new Int32Array(cap);
  let len = new Int32Array(cap);
  let count2 = 0;
  const push = (k, c2, sl, t2, l, st, ln) => {
    if (count2 === cap) {
      cap *= 2;
      const grow = (a, b) => (b.set(a), b);
      kind = grow(kind, new Uint8Array(cap));
      cand = grow(cand, new Int32Array(cap));
      slot = grow(slot, new Int32Array(cap));
      total = grow(total, new Int32Array(cap));
      limit = grow(limit, new Int32Array(cap));
      start = grow(start, new Int32Array(cap));
      len = grow(len, new Int32Array(cap));
    }
    kind[count2] = k;
    cand[count2] = c2;
    slot[count2] = sl;
    total[count2] = t2;
    limit[count2] = l;
    start[count2] = st;
    len[count2] = ln;
    count2++;
  };
  const kSit = new Int32Array(maxPer);
  const kKey = new Float64Array(maxPer);
  const kSlot = new Int32Array(maxPer);
  const kPaper = new Int32Array(maxPer);
  const kMin = new Int32Array(maxPer);
  let w = 0;
  for (let c2 = 0; c2 < C; c2++) {
    const b = begin[c2];
    const m = begin[c2 + 1] - b;
    if (m === 0) continue;
    const x = xt ? xt[c2] : 0;
    const r = rb ? rb[c2] : 0;
    for (let j2 = 0; j2 < m; j2++) {
      const p = byCandidatePaper[b + j2];
      const key = slotOf[p] * P + p;
      const i = order[b + j2];
      let q = j2 - 1;
      while (q >= 0 && kKey[q] > key) {
        kKey[q + 1] = kKey[q];
        kSit[q + 1] = kSit[q];
        q--;
      }
      kKey[q + 1] = key;
      kSit[q + 1] = i;
    }
    const w0 = w;
    let u = 0;
    for (let j2 = 0; j2 < m; j2++) {
      if (j2 > 0 && kKey[j2] === kKey[j2 - 1]) continue;
      const p = kKey[j2] % P;
      const d = minutesOf[p];
      const ext = Math.floor((d * (100 + x) + 99) / 100);
      kSlot[u] = slotOf[p];
      kPaper[u] = p;
      kMin[u] = ext + Math.floor((r * ext + 59) / 60);
      order[w++] = kSit[j2];
      u++;
    }
    let j = 0;
    while (j < u) {
      const day = kSlot[j] >> 1;
      let e = j;
      let dayTotal = 0;
      let dayLimit = 0;
      while (e < u && kSlot[e] >> 1 === day) {
        dayTotal += kMin[e];
        const l = limitOf[kPaper[e]];
        if (l > 0 && (dayLimit === 0 || l < dayLimit)) dayLimit = l;
        e++;
      }
      let a = j;
      while (a < e) {
        let z4 = a;
        let t2 = 0;
        while (z4 < e && kSlot[z4] === kSlot[a]) t2 += kMin[z4++];
        if (z4 - a >= 2) push(COMPACT_CLASH_KIND.sameSession, c2, kSlot[a], t2, consecutiveMax, w0 + a, z4 - a);
        a = z4;
      }
      if (e - j >= 2 && dayLimit > 0 && dayTotal > dayLimit) push(COMPACT_CLASH_KIND.dayTotal, c2, day * 2, dayTotal, dayLimit, w0 + j, e - j);
      j = e;
    }
  }
  return {
    count: count2,
    kind: kind.subarray(0, count2),
    candidate: cand.subarray(0, count2),
    slot: slot.subarray(0, count2),
    totalMinutes: total.subarray(0, count2),
    limitMinutes: limit.subarray(0, count2),
    start: start.subarray(0, count2),
    length: len.subarray(0, count2),
    order: order.subarray(0, w)
  };
}

// packages/core/src/examTime/findClashes.ts
var DAY_MS = 864e5;
function inSessionOrder(a, b) {
  return a.session !== b.session ? a.session === "AM" ? -1 : 1 : a.startTime !== b.startTime ? a.startTime < b.startTime ? -1 : 1 : a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0;
}
function dayNumber(date) {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}
function findClashes(timetable, options) {
  checkObject(timetable, "timetable");
  checkObject(options, "options");
  const { rules: rules2 } = options;
  const limitRule = count(EXAM_TIME_LIMITS.maxLimitMinutes);
  const consecutiveMax = ruleNumber(rules2, "consecutiveSessionMaxMinutes", limitRule);
  const thresholds = sourcedValue(rules2, "overnightThresholdMinutes");
  checkObject(thresholds, "rules.overnightThresholdMinutes");
  for (const [level, v] of Object.entries(thresholds)) if (v !== void 0) checkNumber(v, `rules.overnightThresholdMinutes.${level}`, limitRule);
  checkArray(timetable.papers, "timetable.papers");
  checkArray(timetable.candidates, "timetable.candidates");
  const paperIndex = /* @__PURE__ */ new Map();
  const papers = timetable.papers;
  let minDay = Number.POSITIVE_INFINITY;
  for (const p of papers) {
    checkObject(p, "timetable.papers[]");
    checkNumber(p.durationMinutes, `timetable.papers[${String(p.id)}].durationMinutes`, positiveCount(EXAM_TIME_LIMITS.maxDurationMinutes));
    const day = dayNumber(p.date);
    if (!Number.isFinite(day)) throw new ExamcycleError("invalid_value", `Paper ${String(p.id)} has no valid date (${String(p.date)})`, { location: { field: `timetable.papers[${String(p.id)}].date`, value: String(p.date) } });
    minDay = Math.min(minDay, day);
  }
  const slots = [];
  const minutesOf = [];
  const limits = [];
  papers.forEach((p, i) => {
    paperIndex.set(p.id, i);
    slots.push((dayNumber(p.date) - minDay) * 2 + (p.session === "PM" ? 1 : 0));
    minutesOf.push(p.durationMinutes);
    limits.push(thresholds[p.level] ?? 0);
  });
  const movedIndex = /* @__PURE__ */ new Map();
  const indexOf = (s, p) => {
    const paper = papers[p];
    if (s.date === paper.date && s.session === paper.session) return p;
    const key = `${paper.id}@${s.date}.${s.session}`;
    let i = movedIndex.get(key);
    if (i === void 0) {
      const day = dayNumber(s.date);
      if (!Number.isFinite(day)) throw new ExamcycleError("invalid_value", `Candidate ${String(s.candidateNumber)} sits paper ${String(s.paperId)} on no valid date (${String(s.date)})`, { location: { field: "sittings.date", value: String(s.date) } });
      i = slots.length;
      movedIndex.set(key, i);
      slots.push((day - minDay) * 2 + (s.session === "PM" ? 1 : 0));
      minutesOf.push(paper.durationMinutes);
      limits.push(limits[p]);
    }
    return i;
  };
  const candidates = timetable.candidates;
  const extra = new Int32Array(candidates.length);
  const rest = new Int32Array(candidates.length);
  let n = 0;
  for (const c2 of candidates) n += c2.sittings.length;
  const candidateStart = new Int32Array(candidates.length + 1);
  const sittingCandidate = new Int32Array(n);
  const sittingPaper = new Int32Array(n);
  const extraRule = count(EXAM_TIME_LIMITS.maxExtraTimePercent);
  const restRule = count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);
  let at = 0;
  for (let ci = 0; ci < candidates.length; ci++) {
    const c2 = candidates[ci];
    const x = c2.allowance?.extraTimePercent;
    const r = c2.allowance?.restBreakMinutesPerHour;
    extra[ci] = fitsRule(x, extraRule) ? x : checkNumber(x, `timetable.candidates[${String(c2.candidateId)}].allowance.extraTimePercent`, extraRule);
    rest[ci] = fitsRule(r, restRule) ? r : checkNumber(r, `timetable.candidates[${String(c2.candidateId)}].allowance.restBreakMinutesPerHour`, restRule);
    candidateStart[ci] = at;
    for (const s of c2.sittings) {
      const p = paperIndex.get(s.paperId);
      if (p === void 0) throw new ExamcycleError("invalid_value", `Candidate ${String(c2.candidateNumber)} sits paper ${String(s.paperId)}, which is not among the timetable's papers`, { location: { field: "sittings.paperId", value: String(s.paperId) } });
      sittingCandidate[at] = ci;
      sittingPaper[at] = s.variation ? indexOf(s, p) : p;
      at++;
    }
  }
  candidateStart[candidates.length] = at;
  const paperSlot = Int32Array.from(slots);
  const paperMinutes = Int32Array.from(minutesOf);
  const paperDayLimit = Int32Array.from(limits);
  const found = findClashesCompact(
    { candidateCount: candidates.length, sittingCandidate, sittingPaper, paperSlot, paperMinutes, paperDayLimit, candidateExtraTimePercent: extra, candidateRestBreakMinutesPerHour: rest },
    { consecutiveMaxMinutes: consecutiveMax }
  );
  const out = [];
  for (let k = 0; k < found.count; k++) {
    const tc = candidates[found.candidate[k]];
    const ci = found.candidate[k];
    const own = tc.sittings;
    const group = [];
    let inOrder = true;
    for (let j = 0; j < found.length[k]; j++) {
      const s = own[found.order[found.start[k] + j] - candidateStart[ci]];
      if (inOrder && group.length > 0 && inSessionOrder(group[group.length - 1], s) > 0) inOrder = false;
      group.push(s);
    }
    if (!inOrder) group.sort(inSessionOrder);
    const first = group[0];
    const totalMinutes = found.totalMinutes[k];
    const limitMinutes = found.limitMinutes[k];
    const titles = group.map((s) => `${s.title} (${durationText(s.allowedMinutes)})`).join(", ");
    if (found.kind[k] === COMPACT_CLASH_KIND.sameSession) {
      const overLimit = totalMinutes > limitMinutes;
      out.push({
        id: `${tc.candidateId}.${first.date}.${first.session}`,
        kind: "same_session",
        candidateId: tc.candidateId,
        candidateNumber: tc.candidateNumber,
        date: first.date,
        session: first.session,
        sittings: group,
        totalMinutes,
        limitMinutes,
        overLimit,
        explanation: `Candidate ${tc.candidateNumber} has ${group.length} papers in the ${first.session} session of ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, ${overLimit ? "over" : "within"} the ${durationText(limitMinutes)} that may be sat consecutively in one session`,
        source: rules2.consecutiveSessionMaxMinutes.source
      });
    } else {
      const level = group.find((s) => (thresholds[s.level] ?? 0) === limitMinutes)?.level;
      out.push({
        id: `${tc.candidateId}.${first.date}.day`,
        kind: "day_total",
        candidateId: tc.candidateId,
        candidateNumber: tc.candidateNumber,
        date: first.date,
        sittings: group,
        totalMinutes,
        limitMinutes,
        overLimit: true,
        ...level ? { level } : {},
        explanation: `Candidate ${tc.candidateNumber} has ${group.length} papers on ${first.date}: ${titles}; together ${durationText(totalMinutes)} including extra time and rest breaks, over the ${durationText(limitMinutes)} day limit for ${level ?? "the level"}, beyond which overnight supervision may be considered`,
        source: rules2.overnightThresholdMinutes.source
      });
    }
  }
  return out;
}

// packages/core/test/fixtures/fixturePack.ts
import { DateTime as DateTime3 } from "luxon";

// packages/core/test/fixtures/fixtureCycleTasks.ts
var FIXTURE = { document: "examcycle core test fixture", year: "2025/26" };
var SECED = "SecEd: exams officers and the results season (examcycle seed 003)";
var END_OF_TERM = 'Before the end of the summer term (SecEd: "Before the end of term"); the pack has no term dates, so the centre sets the date';
var BEFORE_COLLECTION = "By release to candidates (08:00 on results day): done on restricted release day, the day before, so it is ready when candidates collect";
var FIXTURE_RESULTS_DAY_TASKS = [
  { id: "results.candidates-told-collection-and-enquiries", phase: "results", title: "Candidates told how results are collected and how to make enquiries (requests only through the centre; written consent for re-marking and scripts)", blocking: false, source: SECED, dueRule: END_OF_TERM },
  { id: "results.venue-collection-arrangements", phase: "results", title: "Results venue, collection times, absent candidates and collection by parents or carers confirmed, and all candidates (private candidates too) informed", blocking: false, source: SECED, dueRule: END_OF_TERM },
  { id: "results.collection-by-others-authorised", phase: "results", title: "Written authority recorded for every candidate whose results another person collects", blocking: false, dueKeyDate: "release_to_candidates", source: SECED, dueRule: "By release to candidates (08:00 on results day), when collection starts" },
  { id: "results.support-staff-identified", phase: "results", title: "Staff who support candidates on results day identified with their roles, and told that academic and pastoral support is theirs", blocking: false, dueKeyDate: "restricted_release", source: SECED, dueRule: "By restricted release (00:01 the day before results day)" },
  { id: "results.senior-staff-available", phase: "results", title: "Senior staff accessible to candidates immediately after the publication of results", blocking: false, dueKeyDate: "release_to_candidates", source: `${SECED}, quoting JCQ`, dueRule: "From release to candidates (08:00 on results day)" },
  { id: "results.post-results-information-prepared", phase: "results", title: "Post-results services information prepared for candidates, and a process to receive their requests", blocking: false, dueKeyDate: "release_to_candidates", source: SECED, dueRule: BEFORE_COLLECTION },
  { id: "results.late-cash-ins-submitted", phase: "results", title: "Late cash-ins submitted to the awarding bodies and recorded", blocking: false, dueKeyDate: "release_to_candidates", source: SECED, dueRule: BEFORE_COLLECTION },
  { id: "results.press-release-drafted", phase: "results", title: "Press release drafted (released to the press and local authorities only from 09:30 on results day)", blocking: false, dueKeyDate: "release_to_press", source: SECED, dueRule: "Drafted on restricted release day; due by release to the press (09:30 on results day), never released before it" },
  { id: "results.summaries-analysis-prepared", phase: "results", title: "Result summaries, information for subject heads and results analysis prepared", blocking: false, dueKeyDate: "release_to_candidates", source: SECED, dueRule: BEFORE_COLLECTION }
];
var t = (task) => ({ source: FIXTURE, confidence: "primary", ...task });
var FIXTURE_CYCLE_TASKS = [
  t({ id: "planning.annual-plan", phase: "planning", workstream: "planning", title: "Annual exam plan and internal deadlines published" }),
  t({ id: "planning.ncn-register", phase: "planning", workstream: "planning", title: "NCN register update confirmed", dueKeyDate: "ncn_register_update" }),
  t({ id: "planning.policies-reviewed", phase: "planning", workstream: "planning", title: "Exam policies reviewed and signed off" }),
  t({ id: "planning.conflicts-of-interest", phase: "planning", workstream: "planning", title: "Conflicts of interest declared and mitigated", dueKeyDate: "conflicts_of_interest_declaration" }),
  t({ id: "planning.secure-storage", phase: "planning", workstream: "planning", title: "Secure storage checked" }),
  t({ id: "planning.access-arrangements", phase: "planning", workstream: "accessArrangements", title: "Access arrangements applied for", dueAt: "2026-03-21T23:59:59.999+00:00" }),
  t({ id: "entries.identities-verified", phase: "entries", workstream: "entries", title: "Candidate identities verified", opens: { phase: "planning" } }),
  t({ id: "entries.checked", phase: "entries", workstream: "entries", title: "Entries checked", opens: { phase: "planning" } }),
  t({ id: "entries.submitted", phase: "entries", workstream: "entries", title: "Entries submitted", dueKeyDate: "entry_deadline", opens: { phase: "planning" } }),
  t({ id: "entries.amendments", phase: "entries", workstream: "entries", title: "Amendments and withdrawals made", blocking: false, dueKeyDate: "very_late_deadline", opens: { phase: "planning" } }),
  t({ id: "preExams.rooming-seating", phase: "preExams", workstream: "examRooms", title: "Rooms and seating planned", opens: { phase: "entries" } }),
  t({ id: "preExams.invigilators", phase: "preExams", workstream: "examRooms", title: "Invigilators recruited, trained and deployed", opens: { phase: "entries" } }),
  t({ id: "coursework.centre-assessed-marks", phase: "examTime", workstream: "coursework", title: "Centre-assessed marks submitted", dueAt: "2026-05-15T23:59:59.999+01:00", opens: { phase: "planning" } }),
  t({ id: "examTime.sessions-conducted", phase: "examTime", workstream: "examTime", title: "Every exam session conducted" }),
  t({ id: "examTime.scripts-dispatched", phase: "examTime", workstream: "examTime", title: "Scripts dispatched" }),
  t({ id: "results.restricted-release-prepared", phase: "results", workstream: "results", title: "Restricted release prepared (access, MIS embargo)", dueKeyDate: "restricted_release" }),
  t({ id: "results.downloaded-checked", phase: "results", workstream: "results", title: "Results downloaded and checked", opens: { keyDate: "restricted_release" } }),
  t({ id: "results.statements-issued", phase: "results", workstream: "results", title: "Statements of results issued", dueKeyDate: "release_to_candidates", opens: { keyDate: "restricted_release" } }),
  ...FIXTURE_RESULTS_DAY_TASKS,
  t({ id: "postResults.enquiries", phase: "postResults", workstream: "postResults", title: "Enquiries about results and access to scripts handled to deadline", dueKeyDate: "post_results_final_deadline", opens: { keyDate: "release_to_candidates" } }),
  t({ id: "certificates.received", phase: "certificates", workstream: "certificates", title: "Certificates received", dueKeyDate: "certificates_expected", opens: { phase: "postResults" } }),
  t({ id: "certificates.issued", phase: "certificates", workstream: "certificates", title: "Certificates issued" })
];

// packages/core/test/fixtures/authorities/cycleTaskAuthorities.ts
var SRC = { document: "examcycle core test fixture", year: "2025/26" };
var ROLES = {
  "planning.ncn-register": ["exams_officer", "head_of_centre"],
  "planning.conflicts-of-interest": ["head_of_centre"],
  "planning.policies-reviewed": ["senior_leader", "head_of_centre"],
  "planning.access-arrangements": ["senco"],
  "entries.checked": ["head_of_department", "exams_officer"]
};
var fixtureCycleTaskAuthorities = FIXTURE_CYCLE_TASKS.map((t2) => ({
  action: `cycle.task.${t2.id}`,
  roles: ROLES[t2.id] ?? ["exams_officer"],
  title: t2.title,
  source: SRC,
  confidence: "primary"
}));

// packages/core/test/fixtures/authorities/entryCheckingAuthorities.ts
var SRC2 = { document: "examcycle core test fixture", year: "2025/26" };
var fixtureEntryCheckingAuthorities = [
  { action: "entryChecking.send", roles: ["exams_officer", "exams_office_staff"], title: "The exams officer sends the entries for checking", source: SRC2, confidence: "primary" },
  { action: "entryChecking.entry.mark", roles: ["head_of_department", "teacher"], title: "The department marks each entry", source: SRC2, confidence: "primary" },
  { action: "entryChecking.query.answer", roles: ["exams_officer", "exams_office_staff"], title: "The exams officer answers a query", source: SRC2, confidence: "primary" },
  { action: "entryChecking.entries.amend", roles: ["exams_officer", "exams_office_staff"], title: "The exams officer amends entries", source: SRC2, confidence: "primary" },
  { action: "entryChecking.sign", roles: ["head_of_department"], title: "The head of department signs off their department's entries", source: SRC2, confidence: "primary" },
  { action: "entryChecking.authorise", roles: ["senior_leader"], title: "A senior leader authorises the entries", source: SRC2, confidence: "primary" },
  { action: "entryChecking.decline", roles: ["senior_leader"], title: "A senior leader declines the entries", source: SRC2, confidence: "primary" },
  { action: "entryChecking.submit", roles: ["exams_officer"], title: "The exams officer submits the entries", source: SRC2, confidence: "primary" },
  { action: "conflicts.declare", roles: ["exams_officer", "exams_office_staff", "head_of_centre"], title: "The exams office records declarations", source: SRC2, confidence: "primary" },
  { action: "conflicts.mitigate", roles: ["exams_officer", "head_of_centre"], title: "The exams office records mitigations", source: SRC2, confidence: "primary" },
  { action: "conflicts.signOff", roles: ["head_of_centre"], title: "The head of centre signs off each declaration", source: SRC2, confidence: "primary" },
  { action: "conflicts.notify", roles: ["exams_officer"], title: "The exams officer tells the awarding bodies", source: SRC2, confidence: "primary" }
];

// packages/core/test/fixtures/authorities/eopsAuthorities.ts
var SOURCE = { document: "Exams Officer Professional Standards Toolkit", section: "Easy to follow guide to achievement and certification", year: "2025/26" };
var ALL = ["senior_leader", "line_manager", "exams_officer"];
var fixtureEopsAuthorities = EOPS_EVENT_TYPES.map((type) => ({
  action: `eops.${type}`,
  roles: type === "standards.declare" ? ["senior_leader", "line_manager"] : type === "year.rollover" ? ["system"] : ALL,
  title: type === "standards.declare" ? "Senior leader/line manager authorises the Certificate of Achievement by declaring that the exams officer has achieved the Standards" : `The Standards' users take ${type}`,
  source: SOURCE,
  confidence: "primary"
}));

// packages/core/test/fixtures/authorities/examTimeAuthorities.ts
var SRC3 = { document: "examcycle core test fixture", year: "2025/26" };
var fixtureExamTimeAuthorities = [
  { action: "booking.offer", roles: ["exams_officer", "exams_office_staff"], title: "The exams officer books invigilators", source: SRC3, confidence: "primary" },
  { action: "booking.accept", roles: ["invigilator"], title: "An invigilator accepts their own booking", source: SRC3, confidence: "primary" },
  { action: "booking.decline", roles: ["invigilator"], title: "An invigilator declines their own booking", source: SRC3, confidence: "primary" },
  { action: "booking.cancel", roles: ["exams_officer", "exams_office_staff", "invigilator"], title: "The exams office cancels a booking, or an invigilator their own", source: SRC3, confidence: "primary" }
];

// packages/core/test/fixtures/authorities/resultsAuthorities.ts
var SRC4 = { document: "examcycle core test fixture: who may do what after results", year: "2025/26" };
var OFFICE = ["exams_officer", "exams_office_staff", "head_of_centre"];
function row(action, roles, title) {
  return { action, roles, title, source: SRC4, confidence: "reading" };
}
var fixtureResultsAuthorities = [
  row("enquiry.consent.capture", [...OFFICE, "candidate"], "The candidate gives written consent; the exams office records it"),
  row("enquiry.submit", OFFICE, "Post-results requests are made only through the centre, by the exams office or the head of centre"),
  row("enquiry.outcome", OFFICE, "The exams office records the awarding body's outcome"),
  row("enquiry.scriptsReceived", OFFICE, "The exams office records the scripts received"),
  row("enquiry.close", OFFICE, "The exams office closes the request"),
  row("enquiry.withdraw", OFFICE, "The exams office withdraws a request not yet submitted"),
  row("certificate.received", OFFICE, "The exams office receives certificates"),
  row("certificate.checked", OFFICE, "The exams office checks certificates"),
  row("certificate.disposed", OFFICE, "The exams office returns or destroys a wrong certificate as the awarding body requires"),
  row("certificate.issued", OFFICE, "The exams office issues certificates"),
  row("certificate.unclaimed", OFFICE, "The exams office records a certificate as unclaimed"),
  row("certificate.destroyed", ["head_of_centre", "exams_officer"], "The head of centre or the exams officer signs off the destruction of an unclaimed certificate"),
  row("certificate.recordPurged", ["head_of_centre", "exams_officer"], "The head of centre or the exams officer signs off the purge of a destruction record"),
  row("results.received", [...OFFICE, "system"], "The exams office loads results"),
  row("results.nominate", ["head_of_centre"], "The head of centre nominates teaching staff for restricted release day"),
  row("results.revokeNomination", ["head_of_centre"], "The head of centre withdraws a nomination"),
  row("results.authoriseThirdParty", OFFICE, "The exams office records a candidate's written authority for a third party"),
  row("results.lateCashIn", OFFICE, "The exams office submits and records a late cash-in"),
  row("results.gradeChanged", [...OFFICE, "system"], "The exams office records an enquiry's outcome")
];

// packages/core/test/fixtures/fixtureAuthorities.ts
var fixtureAuthorities = [
  ...fixtureCycleTaskAuthorities,
  ...fixtureResultsAuthorities,
  ...fixtureEopsAuthorities,
  ...fixtureExamTimeAuthorities,
  ...fixtureEntryCheckingAuthorities
];

// packages/core/test/fixtures/fixturePostResultsServices.ts
var SRC5 = { document: "examcycle core test fixture: post-results services", year: "2025/26" };
var fixture = { source: SRC5, confidence: "reading", note: "Fixture data for core's tests." };
var fixturePostResultsServices = {
  clerical_recheck: { title: "Clerical re-check (service 1)", code: "1", consentRequired: true, deadline: "post_results_final_deadline", outcome: "grade", rule: "fixture.prs.service-1", consentRule: "fixture.prs.consent", ...fixture },
  review_of_marking: { title: "Review of marking (service 2)", code: "2", consentRequired: true, deadline: "post_results_final_deadline", outcome: "grade", rule: "fixture.prs.service-2", consentRule: "fixture.prs.consent", ...fixture },
  priority_review_of_marking: { title: "Priority review of marking (service 2P)", code: "2P", consentRequired: true, deadline: "post_results_priority_deadline", outcome: "grade", rule: "fixture.prs.service-2p", consentRule: "fixture.prs.consent", ...fixture },
  review_of_moderation: { title: "Review of moderation (service 3)", code: "3", consentRequired: false, deadline: "post_results_final_deadline", outcome: "grade", rule: "fixture.prs.service-3", ...fixture },
  access_to_scripts_priority: { title: "Priority copy of a script (to support a review of marking)", code: "ATS", consentRequired: true, deadline: "post_results_priority_deadline", outcome: "scripts", rule: "fixture.prs.ats-priority", consentRule: "fixture.prs.consent", ...fixture },
  access_to_scripts: { title: "Access to scripts (non-priority)", code: "ATS", consentRequired: true, deadline: "post_results_final_deadline", outcome: "scripts", rule: "fixture.prs.ats", consentRule: "fixture.prs.consent", ...fixture }
};

// packages/core/test/fixtures/fixturePack.ts
var SRC6 = { document: "examcycle core test fixture", year: "2025/26" };
function kd(seriesId, kind, date, time, extra = {}) {
  const at = time ? londonTime(date, time) : endOfLondonDay(date);
  return { id: `${seriesId}/${kind}${extra.level ? `/${extra.level}` : ""}`, kind, title: kind.replace(/_/g, " "), seriesId, at, date, dueRule: time ? "at_time" : "end_of_day", source: SRC6, confidence: "primary", ...extra };
}
var JUNE_2026 = [
  kd("june-2026", "ncn_register_update", "2025-10-31"),
  kd("june-2026", "entry_deadline", "2026-02-21"),
  kd("june-2026", "conflicts_of_interest_declaration", "2026-02-21"),
  kd("june-2026", "very_late_deadline", "2026-04-21"),
  kd("june-2026", "contingency_day", "2026-06-24"),
  kd("june-2026", "restricted_release", "2026-08-12", "00:01", { level: "GCE" }),
  kd("june-2026", "release_to_candidates", "2026-08-13", "08:00", { level: "GCE" }),
  kd("june-2026", "release_to_press", "2026-08-13", "09:30", { level: "GCE" }),
  kd("june-2026", "restricted_release", "2026-08-19", "00:01", { level: "GCSE" }),
  kd("june-2026", "release_to_candidates", "2026-08-20", "08:00", { level: "GCSE" }),
  kd("june-2026", "release_to_press", "2026-08-20", "09:30", { level: "GCSE" }),
  kd("june-2026", "post_results_priority_deadline", "2026-08-20"),
  kd("june-2026", "post_results_final_deadline", "2026-09-24"),
  kd("june-2026", "certificates_expected", "2026-11-06")
];
function releaseOf(series, kind, level) {
  const hit = fixturePack.keyDates(series).find((k) => k.kind === kind && (k.level === void 0 || k.level === level || level !== "GCE" && k.level === "GCSE"));
  if (!hit) throw new ExamcycleError("unknown_series", `fixture has no ${kind} for ${series.id}`);
  return hit.at;
}
function addMonths(at, months) {
  return toLondon(at).plus({ months }).toISO();
}
var fixturePack = {
  id: "fixture",
  name: "Core test fixture",
  academicYears: ["2025/26"],
  keyDates(series) {
    if (series.id !== "june-2026") throw new ExamcycleError("unknown_series", `fixture has no ${series.id}`);
    return JUNE_2026;
  },
  feeBand(entry, series) {
    const deadline = this.keyDates(series).find((k) => k.kind === "entry_deadline");
    const veryLate = this.keyDates(series).find((k) => k.kind === "very_late_deadline");
    const t2 = entry.submittedAt ? toLondon(entry.submittedAt).toMillis() : Number.POSITIVE_INFINITY;
    const band = t2 <= toLondon(deadline.at).toMillis() ? "standard" : t2 <= toLondon(veryLate.at).toMillis() ? "late" : "very_late";
    return { band, reason: band, deadline, source: SRC6, confidence: "primary" };
  },
  resultsAccess(req) {
    const at = toLondon(req.at).toMillis();
    const roles = req.role === void 0 ? [] : [req.role];
    let from;
    let rule;
    if (req.audience === "centre_staff") {
      const core = roles.some((r) => r === "head_of_centre" || r === "exams_officer" || r === "exams_office_staff");
      from = core || req.nominatedByHeadOfCentre ? releaseOf(req.series, "restricted_release", req.level) : releaseOf(req.series, "release_to_candidates", req.level);
      rule = "fixture.restricted-release";
    } else if (req.audience === "press" || req.audience === "local_authority") {
      from = releaseOf(req.series, "release_to_press", req.level);
      rule = "fixture.press";
    } else {
      from = releaseOf(req.series, "release_to_candidates", req.level);
      rule = "fixture.candidates";
    }
    const allowed = at >= toLondon(from).toMillis();
    return { allowed, rule, reason: allowed ? "released" : `not before ${from}`, allowedFrom: from, malpracticeRisk: !allowed, source: SRC6, confidence: "primary" };
  },
  retention(record) {
    const base = { recordId: record.id, kind: record.kind, source: SRC6, confidence: "primary" };
    if (record.kind === "unclaimed_certificate") {
      const from = addMonths(record.issuedAt ?? record.createdAt, 12);
      return { ...base, keepUntil: from, mayDestroyFrom: from, mustPurgeBy: null, reason: "12 months from issue" };
    }
    if (record.kind === "certificate_destruction_record") {
      const from = addMonths(record.destroyedAt ?? record.createdAt, 48);
      return { ...base, keepUntil: from, mayDestroyFrom: from, mustPurgeBy: null, reason: "4 years from destruction" };
    }
    return { ...base, keepUntil: null, mayDestroyFrom: null, mustPurgeBy: null, reason: "no period set" };
  },
  examRoomRules() {
    const s = (value) => ({ value, source: SRC6, confidence: "primary" });
    return {
      consecutiveSessionMaxMinutes: s(180),
      overnightThresholdMinutes: s({ GCSE: 330, GCE: 360 }),
      invigilationRatio: s({ written: 30, practical: 20, on_screen: 20 }),
      seatSpacingMetres: s(1.25),
      veryLateAfterStartMinutes: s(60),
      veryLateLongExamMinutes: s(60),
      overnightSupervisionConditions: s(["last resort", "afternoon paper to next morning only"]),
      separateRoomArrangements: s(["reader", "computer_reader", "scribe", "prompter", "rest_breaks", "word_processor", "separate_invigilation", "practical_assistant"]),
      veryLateArrivalReportWorkingDays: s(7),
      specialConsiderationWorkingDays: { value: 7, source: SRC6, confidence: "reading" }
    };
  },
  eopsRules(academicYear) {
    const s = (value) => ({ value, source: SRC6, confidence: "primary" });
    return {
      academicYear,
      newOfficerCadence: s({ early: "fortnightly", examTime: "weekly", earlyWeeks: 12 }),
      experiencedOfficerCadence: s("half_termly"),
      registrationBy: s(`${academicYear.slice(0, 4)}-10-31`)
    };
  },
  check() {
    return [];
  },
  authorities() {
    return fixtureAuthorities;
  },
  delegations() {
    return [];
  },
  cycleTasks() {
    return FIXTURE_CYCLE_TASKS;
  },
  postResultsServices() {
    return fixturePostResultsServices;
  },
  addWorkingDays(date, days) {
    let d = DateTime3.fromISO(date, { zone: "Europe/London" });
    let left = Math.abs(days);
    const step = days < 0 ? -1 : 1;
    while (left > 0) {
      d = d.plus({ days: step });
      if (d.weekday <= 5) left -= 1;
    }
    return d.toISODate();
  }
};

// packages/core/bench/syntheticSeries.ts
import { DateTime as DateTime4 } from "luxon";

// scripts/bench/measure.ts
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t2 = a;
    t2 = Math.imul(t2 ^ t2 >>> 15, t2 | 1);
    t2 ^= t2 + Math.imul(t2 ^ t2 >>> 7, t2 | 61);
    return ((t2 ^ t2 >>> 14) >>> 0) / 4294967296;
  };
}

// packages/core/bench/syntheticSeries.ts
function seriesDays(count2 = 30) {
  const days = [];
  let d = DateTime4.fromISO("2026-05-11", { zone: "utc" });
  while (days.length < count2) {
    if (d.weekday <= 5) days.push(d.toISODate());
    d = d.plus({ days: 1 });
  }
  return days;
}
function syntheticArrangements(id, rnd) {
  const out = [];
  const r = rnd();
  if (r < 0.15) out.push({ id: `${id}-xt`, candidateId: id, kind: "extra_time", extraTimePercent: r < 0.02 ? 50 : 25, approval: "aao_approved", evidenceHeld: true });
  const a = rnd();
  if (a < 0.01) out.push({ id: `${id}-rd`, candidateId: id, kind: "reader", approval: "aao_approved", evidenceHeld: true });
  else if (a < 0.03) out.push({ id: `${id}-wp`, candidateId: id, kind: "word_processor", approval: "centre_delegated", evidenceHeld: true });
  else if (a < 0.04) out.push({ id: `${id}-rb`, candidateId: id, kind: "rest_breaks", restBreakMinutesPerHour: 10, approval: "centre_delegated", evidenceHeld: true });
  return out;
}
function syntheticRooms(sportsHallPitchMetres) {
  const room = (id, rows, columns, pitch, suitableFor = []) => ({ id, name: id, rows, columns, seatPitchMetres: pitch, rowPitchMetres: pitch, disabledSeats: [], suitableFor });
  return [
    room("main-hall", 25, 16, 1.25),
    room("upper-hall", 20, 16, 1.25),
    { ...room("sports-hall", 24, 24, sportsHallPitchMetres), disabledSeats: ["A1", "A24", "X1", "X24"] },
    ...Array.from({ length: 10 }, (_, i) => room(`classroom-${i + 1}`, 6, 5, 1.25)),
    ...Array.from({ length: 12 }, (_, i) => room(`aa-${i + 1}`, 2, 2, 1.5, ["reader", "computer_reader", "scribe", "prompter", "separate_invigilation", "rest_breaks"])),
    ...Array.from({ length: 3 }, (_, i) => room(`wp-${i + 1}`, 4, 5, 1.25, ["word_processor", "rest_breaks"]))
  ];
}
function syntheticCentre(candidateCount = 2e3, seed = 2026) {
  const rnd = seeded(seed);
  const days = seriesDays(30);
  const slots = days.length * 2;
  const blocks = 6;
  const perBlock = Math.floor(slots / blocks);
  const papers = [];
  const subjects = [];
  const place = (slot, id, level, duration) => {
    const date = days[slot >> 1];
    const session = slot & 1 ? "PM" : "AM";
    papers.push({ id, seriesId: "june-2026", awardingBodyId: "AQA", componentCode: id, title: `${level} ${id}`, level, kind: rnd() < 0.05 ? "practical" : "written", date, session, startTime: session === "AM" ? "09:00" : "13:30", durationMinutes: duration });
  };
  for (let s = 0; s < 60; s++) {
    const level = s < 40 ? "GCSE" : "GCE";
    const block = s % blocks;
    const n = level === "GCE" ? 3 : 2 + s % 2;
    const offBlock = rnd() < 0.08;
    const ids2 = [];
    const used = /* @__PURE__ */ new Set();
    for (let k = 0; k < n; k++) {
      let slot;
      do
        slot = offBlock ? Math.floor(rnd() * slots) : block * perBlock + Math.floor(rnd() * perBlock);
      while (used.has(slot));
      used.add(slot);
      const id = `S${String(s).padStart(2, "0")}-${k + 1}`;
      place(slot, id, level, level === "GCE" ? 120 + 30 * Math.floor(rnd() * 2) : 60 + 15 * Math.floor(rnd() * 6));
      ids2.push(id);
    }
    subjects.push({ level, block, papers: ids2 });
  }
  const gcse = subjects.filter((s) => s.level === "GCSE");
  const gce = subjects.filter((s) => s.level === "GCE");
  const candidates = [];
  const entries = [];
  const accessArrangements = [];
  for (let i = 0; i < candidateCount; i++) {
    const id = `c${i}`;
    const candidateNumber = String(i + 1).padStart(4, "0");
    candidates.push({ id, centreNumber: "68199", candidateNumber, legalSurname: `Surname${i}`, legalForenames: "Sam", dateOfBirth: "2009-01-01", kind: "internal", contingencyDayNoticeGiven: rnd() < 0.97 });
    const pool = i % 10 < 7 ? gcse : gce;
    const take = pool === gcse ? 9 : 3;
    const chosen = /* @__PURE__ */ new Set();
    while (chosen.size < take) chosen.add(Math.floor(rnd() * pool.length));
    for (const k of chosen) {
      const subject = pool[k];
      entries.push({ id: `${id}-e${k}`, candidateId: id, seriesId: "june-2026", awardingBodyId: "AQA", entryCode: `E${k}`, componentCodes: subject.papers, status: "accepted", identityVerified: true });
    }
    accessArrangements.push(...syntheticArrangements(id, rnd));
  }
  return { papers, candidates, entries, accessArrangements, rooms: syntheticRooms(1) };
}

// packages/core/bench/.fc.tmp.ts
var rules = fixturePack.examRoomRules("2025/26");
var c = syntheticCentre(2e3);
var tt = buildCentreTimetable({ papers: c.papers, candidates: c.candidates, entries: c.entries, accessArrangements: c.accessArrangements });
var xs = [];
for (let i = 0; i < 40; i++) {
  const u = process.cpuUsage();
  findClashes(tt, { rules });
  const d = process.cpuUsage(u);
  xs.push((d.user + d.system) / 1e3);
}
xs.sort((a, b) => a - b);
console.log("findClashes cpu min", xs[0], "median", xs[20]);
