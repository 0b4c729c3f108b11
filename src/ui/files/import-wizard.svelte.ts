// The import wizard's state: the chosen file and encoding, the opened file, the column mapping
// (suggested, remembered or corrected), the validation report and the import being written. The
// reading and checking run in the io worker and the writing in the store; this class asks for
// them, keeps the answers, and drops answers that arrive after a newer request.
import { t } from '../../i18n/locale.svelte';
import { autoMap, batchSize, type ColumnMapping, type ColumnTarget, type EncodingChoice, type EntryTarget, entryTargets, fileProblem, headerText, IMPORT_LIMITS, type ImportPlan, type IoClient, IoFailure, type IoProblem, type Layout, matchIndex, type OpenedFile, sanitizeMapping, targetsFor } from '../../io/index';
import type { Template } from '../../scoring/index';
import { applyImport, createTemplate, recallMapping, rememberMapping } from '../../store/index';
import { columnTargetLabel } from './describe';
import { io } from './io';
import { importContext, type PeriodContext } from './period-data';
import { sessionMessages, type PanelMessages } from './report';

/** While an import is written: how far it got, and how to stop it before it commits. */
export interface ImportWriting {
  readonly rows: number;
  readonly totalRows: number;
  readonly controller: AbortController;
}

function byId(targets: readonly EntryTarget[]): ReadonlyMap<string, EntryTarget> {
  return new Map(targets.map((target) => [target.id, target]));
}

/** More than one rater role enters values: a target's label says whose it is. */
function severalRoles(targets: readonly EntryTarget[]): boolean {
  const roles = targets.filter((target) => !target.team).map((target) => target.role);
  return roles.some((role) => role !== roles[0]);
}

export class ImportWizardState {
  file = $state.raw<File | undefined>(undefined);
  encoding = $state<EncodingChoice>('auto');
  createMissing = $state(false);
  context = $state.raw<PeriodContext | undefined>(undefined);
  opened = $state.raw<OpenedFile | undefined>(undefined);
  mapping = $state.raw<ColumnMapping | undefined>(undefined);
  mappingSource = $state<'key' | 'remembered' | 'names'>('names');
  plan = $state.raw<ImportPlan | undefined>(undefined);
  failure = $state.raw<IoProblem | undefined>(undefined);
  status = $state('');
  busy = $state(false);
  writing = $state.raw<ImportWriting | undefined>(undefined);
  /** The file input (bound by the component): emptied when the wizard starts over. */
  fileInput: HTMLInputElement | undefined;

  readonly targets = $derived(this.context ? entryTargets(this.context.template, this.context.periodKind) : []);
  readonly targetById = $derived(byId(this.targets));
  readonly multiRole = $derived(severalRoles(this.targets));
  readonly headers = $derived(this.opened && this.mapping ? (this.opened.head[this.mapping.headerRow] ?? []) : []);
  readonly columnIndexes = $derived(this.opened ? Array.from({ length: this.opened.columnCount }, (_, i) => i) : []);
  /** What a column may be mapped to in the chosen layout (the 工号 column only when one is mapped). */
  readonly options = $derived.by(() => {
    const mapping = this.mapping;
    if (!mapping) return [];
    return targetsFor(mapping.layout, this.targets).filter((target) => target !== 'person.id' || mapping.columns.includes('person.id'));
  });
  readonly previewColumns = $derived(this.plan && this.plan.layout === 'wide' ? (this.plan.preview[0]?.cells.map((cell) => cell.targetId) ?? []) : []);
  /** How many values the import would store. */
  readonly valueCount = $derived(this.plan ? batchSize(this.plan.entries) : 0);

  readonly #client: () => Pick<IoClient, 'run'>;
  readonly #messages: PanelMessages;
  #periodId = '';
  /** The period's context, loading; a file chosen before it has loaded waits for it. */
  #contextLoading: Promise<PeriodContext | undefined> = Promise.resolve(undefined);
  /** Only the latest validation counts; earlier answers arriving late are dropped. */
  #validation = 0;

  constructor(client: () => Pick<IoClient, 'run'> = io, messages: PanelMessages = sessionMessages) {
    this.#client = client;
    this.#messages = messages;
  }

  /** Start over for a period (the page opened, or another period chosen); its context loads. */
  openPeriod(periodId: string): Promise<void> {
    this.#periodId = periodId;
    this.reset();
    this.#contextLoading = importContext(periodId, false);
    return this.#contextLoading.then((loaded) => {
      if (this.#periodId === periodId) this.context = loaded;
    });
  }

  reset(): void {
    this.#validation += 1;
    this.file = undefined;
    this.opened = undefined;
    this.mapping = undefined;
    this.plan = undefined;
    this.failure = undefined;
    this.status = '';
    this.busy = false;
    if (this.fileInput) this.fileInput.value = '';
  }

  #showFailure(error: unknown, name: string): void {
    this.busy = false;
    this.status = '';
    if (error instanceof IoFailure) this.failure = error.problem;
    else this.#messages.fail(error);
    if (!(error instanceof IoFailure) && name) this.failure = fileProblem('crashed', name);
  }

  async chooseFile(files: readonly File[]): Promise<void> {
    this.file = files[0];
    this.opened = undefined;
    this.mapping = undefined;
    this.context ??= await this.#contextLoading;
    await this.open();
  }

  /** Read the chosen file (again: another sheet, another encoding) and propose a mapping. */
  async open(sheet?: string): Promise<void> {
    const chosen = this.file;
    const context = this.context;
    if (!chosen || !context) return;
    this.#validation += 1;
    this.plan = undefined;
    this.failure = undefined;
    if (chosen.size > IMPORT_LIMITS.fileBytes) {
      this.failure = fileProblem('fileTooLarge', chosen.name, { limit: IMPORT_LIMITS.fileBytes, size: chosen.size });
      return;
    }
    this.busy = true;
    this.status = t('files.import.reading', { file: chosen.name });
    try {
      const bytes = await chosen.arrayBuffer();
      const result = await this.#client().run(
        'open',
        { file: chosen.name, bytes, encoding: this.encoding, ...(sheet ? { sheet } : {}), context: { ...context, createMissingPeople: this.createMissing } },
        { transfer: [bytes], file: chosen.name },
      );
      if (this.file !== chosen) return;
      this.busy = false;
      this.status = '';
      if (!result.ok) {
        this.failure = result.problem;
        this.opened = undefined;
        return;
      }
      this.opened = result.value;
      this.mappingSource = result.value.suggestedBy;
      let next = result.value.suggested;
      if (result.value.suggestedBy === 'names') {
        const remembered = await recallMapping(context.workspaceId, result.value.signature);
        if (remembered) {
          next = sanitizeMapping(remembered, result.value.columnCount, this.targets);
          this.mappingSource = 'remembered';
        }
      }
      await this.#setMapping(next);
    } catch (error) {
      this.#showFailure(error, chosen.name);
    }
  }

  async #setMapping(next: ColumnMapping, chosenByHand = false): Promise<void> {
    this.mapping = next;
    // A mapping the person corrected is remembered at once: the same file chosen again (after
    // fixing a value in it, say) keeps the correction.
    if (chosenByHand && this.context && this.opened?.suggestedBy === 'names') await rememberMapping(this.context.workspaceId, this.opened.signature, next);
    await this.validate();
  }

  /** Check the file against the mapping: the report and the preview, nothing stored. */
  async validate(): Promise<void> {
    const mapping = this.mapping;
    const context = this.context;
    const opened = this.opened;
    if (!mapping || !context || !opened) return;
    const ticket = ++this.#validation;
    this.busy = true;
    this.status = t('files.import.checking');
    try {
      const result = await this.#client().run('validate', { mapping, context: { ...context, createMissingPeople: this.createMissing } }, { file: opened.file });
      if (ticket !== this.#validation) return;
      this.busy = false;
      this.status = '';
      if (result.ok) this.plan = result.value;
      else this.failure = result.problem;
    } catch (error) {
      if (ticket === this.#validation) this.#showFailure(error, this.opened?.file ?? '');
    }
  }

  /** The header row is another one: the columns are matched again from its titles. */
  chooseHeaderRow(row: number): Promise<void> {
    const opened = this.opened;
    const context = this.context;
    if (!opened || !context) return Promise.resolve();
    const index = matchIndex(this.targets, context.template);
    const next = autoMap(opened.head[row] ?? [], index, row);
    const padded = sanitizeMapping({ ...next, layout: this.mapping?.layout ?? next.layout }, opened.columnCount, this.targets);
    return this.#setMapping(padded, true);
  }

  chooseLayout(layout: Layout): Promise<void> {
    if (!this.mapping || !this.opened) return Promise.resolve();
    return this.#setMapping(sanitizeMapping({ ...this.mapping, layout }, this.opened.columnCount, this.targets), true);
  }

  chooseTarget(column: number, target: ColumnTarget): Promise<void> {
    if (!this.mapping) return Promise.resolve();
    const columns = [...this.mapping.columns];
    columns[column] = target;
    return this.#setMapping({ ...this.mapping, columns }, true);
  }

  /** Store the checked values (and the new people) in one transaction, which can be stopped. */
  async apply(): Promise<void> {
    const { plan, context, mapping, opened } = this;
    if (!plan || !context || !mapping || !opened || plan.errorCount > 0) return;
    this.busy = true;
    const controller = new AbortController();
    this.writing = { rows: 0, totalRows: plan.stats.people, controller };
    try {
      const result = await applyImport(context.periodId, plan.newPeople, plan.entries, {
        signal: controller.signal,
        onProgress: ({ rows, totalRows }) => (this.writing = { rows, totalRows, controller }),
      });
      this.writing = undefined;
      if (opened.suggestedBy === 'names') await rememberMapping(context.workspaceId, opened.signature, mapping);
      const people = result.created.length > 0 ? t('files.import.appliedPeople', { count: result.created.length }) : '';
      this.#messages.notify('info', t('files.import.applied', { count: batchSize(plan.entries), people }));
      this.context = await importContext(context.periodId, false);
      this.reset();
    } catch (error) {
      this.busy = false;
      this.writing = undefined;
      // Stopped before it committed: the transaction rolled back, nothing was stored.
      if (controller.signal.aborted) this.#messages.notify('info', t('files.import.stopped'));
      else this.#messages.fail(error);
    }
  }

  stop(): void {
    this.writing?.controller.abort();
  }

  /** The workbook carries its template (a Kaohe export): keep it as a template of this workspace. */
  async saveTemplate(template: Template): Promise<void> {
    if (!this.context) return;
    try {
      const saved = await createTemplate(this.context.workspaceId, template, this.opened?.file ?? '');
      this.#messages.notify('info', t('files.import.templateSaved', { name: saved.body.name }));
    } catch (error) {
      this.#messages.fail(error);
    }
  }

  cancel(): void {
    this.reset();
    this.#messages.notify('info', t('files.import.cancelled'));
  }

  /** The first values under the header in a column, as a hint of what it holds. */
  sample(column: number): string {
    const opened = this.opened;
    const mapping = this.mapping;
    if (!opened || !mapping) return '';
    return opened.head
      .slice(mapping.headerRow + 1, mapping.headerRow + 4)
      .map((row) => headerText(row[column] ?? null))
      .filter(Boolean)
      .join(', ');
  }

  /** A mapping target as a person reads it: 完成率（上级）, 工号. */
  label(target: ColumnTarget): string {
    return columnTargetLabel(target, this.targetById, this.multiRole);
  }
}
