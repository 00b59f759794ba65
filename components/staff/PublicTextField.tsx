"use client";

import { type ReactNode } from "react";

/** What a template picker gets: the action being taken, and how to put a text into the field. */
export type PublicTextTools = (input: {
  reportId: number;
  /** The status the action moves the report to, when it is a transition. */
  toStatus?: string;
  insert: (text: string) => void;
}) => ReactNode;

/**
 * The text the citizen will read, in every staff action form (desk, utility row). One component so
 * that response templates (the moderation work) plug in at one place: `tools` renders between the
 * label and the field and may fill the field; staff still edit the text before sending.
 */
export function PublicTextField(props: {
  id: string;
  name: string;
  label: string;
  reportId: number;
  toStatus?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  tools?: PublicTextTools;
}) {
  // Fills the field through the DOM: the field stays uncontrolled, so a form reset empties it.
  const insert = (text: string) => {
    const field = document.getElementById(props.id) as HTMLTextAreaElement | null;
    if (!field) return;
    field.value = text;
    field.focus();
  };
  return (
    <div className="public-text-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.tools?.({ reportId: props.reportId, toStatus: props.toStatus, insert })}
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 2}
        maxLength={props.maxLength ?? 2000}
        required={props.required}
      />
    </div>
  );
}
