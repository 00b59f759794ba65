import type { LineString, Polygon } from "geojson";
import type { AnswerValue } from "./QuestionFields";

export type Position = [number, number];

/** The steps of the report flow, in order; each is also the address's hash (`/report#details`). */
export const STEPS = ["place", "category", "details", "contact", "review"] as const;
export type Step = (typeof STEPS)[number];

export type ShapeMode = "point" | "line" | "area";

export type Contact = { name: string; email: string; phone: string; anonymous: boolean };

/** A photo as kept in the draft: the downscaled JPEG; its preview URL is made when shown. */
export type DraftPhoto = { blob: Blob; url: string };

/** A report being written: everything entered so far, kept across steps (and, saved, across reloads). */
export type ReportDraft = {
  position: Position | null;
  shapeMode: ShapeMode;
  shape: LineString | Polygon | null;
  serviceCode: string | null;
  answers: Record<string, AnswerValue>;
  description: string;
  address: string;
  photos: DraftPhoto[];
  contact: Contact;
  /** Sent with the report, so a retry (a lost connection, the offline queue) files it once. */
  submissionKey: string;
};

export const emptyDraft = (submissionKey: string): ReportDraft => ({
  position: null,
  shapeMode: "point",
  shape: null,
  serviceCode: null,
  answers: {},
  description: "",
  address: "",
  photos: [],
  contact: { name: "", email: "", phone: "", anonymous: false },
  submissionKey,
});

export type DraftAction =
  | { type: "place"; position: Position }
  | { type: "shapeMode"; mode: ShapeMode }
  | { type: "shape"; shape: LineString | Polygon | null; position?: Position }
  | { type: "category"; serviceCode: string }
  | { type: "answers"; answers: Record<string, AnswerValue> }
  | { type: "description"; text: string }
  | { type: "address"; text: string }
  | { type: "photos"; photos: DraftPhoto[] }
  | { type: "contact"; contact: Contact }
  | { type: "restore"; draft: ReportDraft }
  | { type: "reset"; submissionKey: string };

export function draftReducer(draft: ReportDraft, action: DraftAction): ReportDraft {
  switch (action.type) {
    case "place":
      return { ...draft, position: action.position };
    case "shapeMode":
      // Back to a point drops the drawing; the pin stays where the shape's middle was.
      return { ...draft, shapeMode: action.mode, shape: action.mode === "point" ? null : draft.shape };
    case "shape":
      return { ...draft, shape: action.shape, position: action.position ?? draft.position };
    case "category":
      // Another category asks other questions: the old answers do not carry over.
      return draft.serviceCode === action.serviceCode
        ? draft
        : { ...draft, serviceCode: action.serviceCode, answers: {} };
    case "answers":
      return { ...draft, answers: action.answers };
    case "description":
      return { ...draft, description: action.text };
    case "address":
      return { ...draft, address: action.text };
    case "photos":
      return { ...draft, photos: action.photos };
    case "contact":
      return { ...draft, contact: action.contact };
    case "restore":
      return action.draft;
    case "reset":
      return emptyDraft(action.submissionKey);
  }
}

/** The first step whose prerequisites are missing, or null when every step before `step` is complete. */
export function firstIncompleteBefore(draft: ReportDraft, step: Step): Step | null {
  const index = STEPS.indexOf(step);
  if (index > 0 && !draft.position) return "place";
  if (index > 1 && !draft.serviceCode) return "category";
  if (index > 2 && !draft.description.trim() && draft.photos.length === 0) return "details";
  return null;
}

/** The step named by a location hash (`#category`), else the first one. */
export function stepFromHash(hash: string): Step {
  const name = hash.replace(/^#/, "");
  return (STEPS as readonly string[]).includes(name) ? (name as Step) : "place";
}

/** Answers worth sending: empty strings and empty choices left out. */
export function answeredOnly(answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0)),
  );
}

/** The JSON part of the multipart filing (photos go beside it). */
export function filingData(draft: ReportDraft, placeLabel: string | null) {
  const { contact } = draft;
  return {
    serviceCode: draft.serviceCode,
    position: draft.position,
    description: draft.description,
    address: draft.address.trim() || placeLabel || undefined,
    shape: draft.shapeMode === "point" ? undefined : (draft.shape ?? undefined),
    answers: answeredOnly(draft.answers),
    contact:
      contact.name || contact.email || contact.phone
        ? {
            name: contact.name || undefined,
            email: contact.email || undefined,
            phone: contact.phone || undefined,
            anonymous: contact.anonymous,
          }
        : undefined,
    submissionKey: draft.submissionKey,
  };
}
