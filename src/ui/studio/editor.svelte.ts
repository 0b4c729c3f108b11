// The studio's editing session for one template family: the working template as an immutable
// value, undo/redo, what is selected, live problems, and whether there is anything to save.
// Sessions live in a module-level map, so leaving the editor (another tab of the app) keeps the
// unsaved work until it is saved or discarded.
import type { TemplateRecord } from '../../store/index';
import { type Problem, type Template, validateTemplate } from '../../scoring/index';

export type Selection =
  | { readonly kind: 'settings' }
  | { readonly kind: 'inputs' }
  | { readonly kind: 'composite' }
  | { readonly kind: 'section'; readonly id: string }
  | { readonly kind: 'indicator'; readonly id: string };

/** Edits with the same key within this time are one undo step (typing a name). */
const COALESCE_MS = 1200;
const MAX_UNDO = 200;

function firstSelection(template: Template): Selection {
  const first = template.sections.find((section) => section.indicators.length > 0)?.indicators[0];
  return first ? { kind: 'indicator', id: first.id } : { kind: 'settings' };
}

export class Editor {
  /** The stored record the work started from (after a save, the one saved). */
  record: TemplateRecord;
  /** The working template, as edited. */
  template: Template;
  /** The template as last saved. */
  saved: Template;
  selection: Selection;
  /** What is wrong with the working template, as it is edited. */
  readonly problems: Problem[];
  private past = $state.raw<readonly Template[]>([]);
  private future = $state.raw<readonly Template[]>([]);
  private lastKey = '';
  private lastAt = 0;

  constructor(record: TemplateRecord) {
    this.record = $state.raw(record);
    this.saved = $state.raw(record.body);
    this.template = $state.raw(record.body);
    this.selection = $state.raw(firstSelection(record.body));
    this.problems = $derived(validateTemplate(this.template));
  }

  /** There is work that is not saved. */
  get dirty(): boolean {
    return this.template !== this.saved;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The template becomes `next`; edits with the same `key` in quick succession are one undo step. */
  edit(next: Template, key = ''): void {
    if (next === this.template) return;
    const now = Date.now();
    const coalesce = key !== '' && key === this.lastKey && now - this.lastAt < COALESCE_MS;
    if (!coalesce) this.past = [...this.past, this.template].slice(-MAX_UNDO);
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
    this.template = next;
  }

  undo(): void {
    const previous = this.past[this.past.length - 1];
    if (!previous) return;
    this.past = this.past.slice(0, -1);
    this.future = [this.template, ...this.future];
    this.template = previous;
    this.lastKey = '';
  }

  redo(): void {
    const next = this.future[0];
    if (!next) return;
    this.future = this.future.slice(1);
    this.past = [...this.past, this.template];
    this.template = next;
    this.lastKey = '';
  }

  /** After a save: the stored record (maybe a new version) is the new baseline. */
  savedAs(next: TemplateRecord): void {
    this.record = next;
    this.saved = next.body;
    this.template = next.body;
    this.lastKey = '';
  }

  /** Throw the unsaved work away. */
  discard(): void {
    this.past = [];
    this.future = [];
    this.template = this.saved;
    this.lastKey = '';
  }
}

// Not reactive on purpose: a session is created while the studio derives its editor, and
// nothing renders from the record itself (only from each session's own state).
const sessions: Record<string, Editor> = Object.create(null) as Record<string, Editor>;

/** The open session of a family, or a new one on its latest record. */
export function editorFor(record: TemplateRecord): Editor {
  const open = sessions[record.familyId];
  if (open && (open.dirty || open.record.id === record.id)) return open;
  const editor = new Editor(record);
  sessions[record.familyId] = editor;
  return editor;
}

export function hasUnsavedWork(familyId: string): boolean {
  return sessions[familyId]?.dirty ?? false;
}

export function anyUnsavedWork(): boolean {
  return Object.values(sessions).some((editor) => editor.dirty);
}

export function closeEditor(familyId: string): void {
  delete sessions[familyId];
}
