// The studio's editing session for one template family: the working template as an immutable
// value, undo/redo, what is selected, live problems, and whether there is anything to save.
// Sessions live in a module-level map, so leaving the editor (another tab of the app) keeps the
// unsaved work until it is saved or discarded.
import type { TemplateRecord } from '../../store/index';
import type { Template } from '../../scoring/model';
import { validateTemplate, type Problem } from '../../scoring/index';

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

export function createEditor(record: TemplateRecord) {
  let current = $state.raw<TemplateRecord>(record);
  let saved = $state.raw<Template>(record.body);
  let template = $state.raw<Template>(record.body);
  let selection = $state.raw<Selection>(firstSelection(record.body));
  let past = $state.raw<readonly Template[]>([]);
  let future = $state.raw<readonly Template[]>([]);
  let lastKey = '';
  let lastAt = 0;
  const problems = $derived<Problem[]>(validateTemplate(template));

  function edit(next: Template, key = ''): void {
    if (next === template) return;
    const now = Date.now();
    const coalesce = key !== '' && key === lastKey && now - lastAt < COALESCE_MS;
    if (!coalesce) past = [...past, template].slice(-MAX_UNDO);
    future = [];
    lastKey = key;
    lastAt = now;
    template = next;
  }

  function undo(): void {
    const previous = past[past.length - 1];
    if (!previous) return;
    past = past.slice(0, -1);
    future = [template, ...future];
    template = previous;
    lastKey = '';
  }

  function redo(): void {
    const next = future[0];
    if (!next) return;
    future = future.slice(1);
    past = [...past, template];
    template = next;
    lastKey = '';
  }

  return {
    get record() {
      return current;
    },
    get template() {
      return template;
    },
    get saved() {
      return saved;
    },
    get selection() {
      return selection;
    },
    set selection(next: Selection) {
      selection = next;
    },
    get problems() {
      return problems;
    },
    get dirty() {
      return template !== saved;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    edit,
    undo,
    redo,
    /** After a save: the stored record (maybe a new version) is the new baseline. */
    savedAs(next: TemplateRecord): void {
      current = next;
      saved = next.body;
      template = next.body;
      lastKey = '';
    },
    /** Throw the unsaved work away. */
    discard(): void {
      past = [];
      future = [];
      template = saved;
      lastKey = '';
    },
  };
}

export type Editor = ReturnType<typeof createEditor>;

// Not reactive on purpose: a session is created while the studio derives its editor, and
// nothing renders from the record itself (only from each session's own state).
const sessions: Record<string, Editor> = Object.create(null) as Record<string, Editor>;

/** The open session of a family, or a new one on its latest record. */
export function editorFor(record: TemplateRecord): Editor {
  const open = sessions[record.familyId];
  if (open && (open.dirty || open.record.id === record.id)) return open;
  const editor = createEditor(record);
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
