// The state of "New from Excel file": which step, the opened file, the proposed and corrected
// mapping, the built template with its review and check. The work runs in the io worker; this
// class only asks for it, keeps the answers, and drops answers that arrive after a newer request.
import { type AnalyzeChoice, type ExcelAnalyzed, type ExcelBuilt, type ExcelMapping, type ExcelOpened, type ExcelOutcome, type ExcelRefusal, type IoClient, IoFailure, type IoProblem, type SheetSummary } from '../../../io/index';
import { type PeriodKind, type Template, validateTemplate } from '../../../scoring/index';
import { editField, includePerson, mappingProblems, type FieldEdit, type PersonPlace } from './mapping-edit';

export const STEPS = ['file', 'sheet', 'mapping', 'review', 'check', 'save'] as const;
export type WizardStep = (typeof STEPS)[number];

/** What the worker is doing, for the status line. */
export type WizardWork = { readonly kind: 'reading'; readonly file: string } | { readonly kind: 'analyzing'; readonly sheet: string } | { readonly kind: 'building' };

/** Why the current step shows no result: the worker's refusal, or the watchdog's (timeout, crash). */
export type WizardFailure =
  | { readonly kind: 'refusal'; readonly during: 'open' | 'analyze' | 'build'; readonly file: string; readonly sheet: string; readonly refusal: ExcelRefusal }
  | { readonly kind: 'io'; readonly problem: IoProblem };

type Client = Pick<IoClient, 'run'>;

let openings = 0;

/** The sheet a person most likely wants: the largest visible one the import can read. */
export function likelySheet(sheets: readonly SheetSummary[]): string {
  const readable = sheets.filter((sheet) => !sheet.issue && sheet.rows * sheet.cols > 0);
  const visible = readable.filter((sheet) => !sheet.hidden);
  const pool = visible.length > 0 ? visible : readable;
  const best = pool.reduce<SheetSummary | undefined>((found, sheet) => (!found || sheet.rows * sheet.cols > found.rows * found.cols ? sheet : found), undefined);
  return best?.name ?? sheets[0]?.name ?? '';
}

/** Sheet names Excel and WPS give by default: they say nothing about the scorecard. */
const DEFAULT_SHEET_NAME = /^(sheet|工作表|表)\s*\d*$/i;

/** The template's name: the title above the table, else the sheet's own name, else the file's. */
export function proposedName(title: string | undefined, sheet: string, file: string): string {
  if (title) return title;
  if (!DEFAULT_SHEET_NAME.test(sheet.trim())) return sheet;
  return file.replace(/\.(xlsx|xlsm|xls|ods)$/i, '') || sheet;
}

/** The period a scorecard is for, when its title or name says so (客户考核评分表(月度)). */
export function likelyPeriodKind(text: string): PeriodKind {
  if (/季度|quarter/i.test(text)) return 'quarter';
  if (/年度|全年|annual|year/i.test(text)) return 'year';
  // 周 but not 周期 (period), which any scorecard may say.
  if (/周(?!期)|week/i.test(text)) return 'week';
  return 'month';
}

export class ExcelWizard {
  step = $state<WizardStep>('file');
  opened = $state.raw<ExcelOpened | undefined>(undefined);
  sheet = $state('');
  analyzed = $state.raw<ExcelAnalyzed | undefined>(undefined);
  mapping = $state.raw<ExcelMapping | undefined>(undefined);
  built = $state.raw<ExcelBuilt | undefined>(undefined);
  failure = $state.raw<WizardFailure | undefined>(undefined);
  work = $state.raw<WizardWork | undefined>(undefined);
  name = $state('');
  periodKind = $state<PeriodKind>('month');
  /** The layout, header row and name column the person chose on the mapping step. */
  choice = $state.raw<AnalyzeChoice>({});
  /** Kaohe's own workbook: take its template as it is (true) or read the formulas (false). */
  useOwn = $state(true);
  /** The template came from Kaohe's own workbook: no mapping, review or check steps. */
  readonly takingOwn = $derived(this.useOwn && this.opened?.own !== undefined);

  readonly problems = $derived(this.mapping ? mappingProblems(this.mapping) : []);
  readonly stepIndex = $derived(STEPS.indexOf(this.step));
  readonly templateErrors = $derived(this.built ? this.built.problems.filter((p) => p.severity === 'error').length : 0);
  readonly canNext = $derived.by(() => {
    if (this.work) return false;
    switch (this.step) {
      case 'file':
        return this.opened !== undefined;
      case 'sheet':
        return this.opened?.sheets.some((s) => s.name === this.sheet && !s.issue) === true;
      case 'mapping':
        return this.mapping !== undefined && this.problems.length === 0;
      case 'review':
      case 'check':
        return this.built !== undefined;
      case 'save':
        return false;
    }
  });
  readonly canAccept = $derived(this.step === 'save' && this.built !== undefined && this.templateErrors === 0 && this.name.trim() !== '' && !this.work);

  #client: Client;
  #file: { readonly name: string; readonly bytes: ArrayBuffer; token: string } | undefined;
  /** The sheet and mapping the current `analyzed` and `built` come from. */
  #analyzedSheet = '';
  #builtFrom: ExcelMapping | undefined;
  /** Only the latest request's answer is used. */
  #ticket = 0;

  constructor(client: Client) {
    this.#client = client;
  }

  get fileName(): string {
    return this.#file?.name ?? '';
  }

  async chooseFile(file: { readonly name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
    const ticket = ++this.#ticket;
    this.#forgetFile();
    this.work = { kind: 'reading', file: file.name };
    try {
      const bytes = await file.arrayBuffer();
      if (ticket !== this.#ticket) return;
      this.#file = { name: file.name, bytes, token: '' };
      const result = await this.#open();
      if (ticket !== this.#ticket) return;
      this.work = undefined;
      if (!result.ok) return this.#refused('open', result.refusal);
      this.opened = result.value;
      this.sheet = likelySheet(result.value.sheets);
    } catch (error) {
      if (ticket === this.#ticket) this.#failed(error);
    }
  }

  /** The sample workbook (made in the worker), opened as if the person had chosen it. */
  async trySample(name: string): Promise<void> {
    const sample = await this.#client.run('excelSample', { name });
    await this.chooseFile({ name: sample.name, arrayBuffer: async () => sample.bytes });
  }

  /** Go on: analyse the chosen sheet, build from the mapping, or just turn the page. */
  async next(): Promise<void> {
    if (!this.canNext) return;
    switch (this.step) {
      case 'file':
        if (this.takingOwn) return this.#takeOwn();
        this.step = 'sheet';
        return;
      case 'sheet':
        if (this.analyzed && this.#analyzedSheet === this.sheet) this.step = 'mapping';
        else {
          this.choice = {};
          await this.#analyze();
        }
        return;
      case 'mapping':
        if (this.built && this.#builtFrom === this.mapping) this.step = 'review';
        else await this.#build();
        return;
      case 'review':
        this.step = 'check';
        return;
      case 'check':
        this.step = 'save';
        return;
    }
  }

  back(): void {
    const index = this.stepIndex;
    if (index <= 0 || this.work) return;
    this.failure = undefined;
    // The template taken as it is skipped the steps between.
    this.step = this.takingOwn ? 'file' : (STEPS[index - 1] ?? 'file');
  }

  /**
   * Read the sheet again with the person's layout, header row or name column: the proposal was a
   * guess, and a wrong guess must never be a dead end. Corrections made so far start over.
   */
  async choose(choice: AnalyzeChoice): Promise<void> {
    if (this.work || !this.opened) return;
    this.choice = { ...this.choice, ...choice };
    await this.#analyze();
  }

  chooseSheet(name: string): void {
    this.sheet = name;
    this.failure = undefined;
  }

  edit(key: string, change: FieldEdit): void {
    if (!this.mapping) return;
    this.mapping = editField(this.mapping, key, change);
  }

  includePerson(person: PersonPlace, included: boolean): void {
    if (!this.mapping || !this.analyzed) return;
    this.mapping = includePerson(this.mapping, this.analyzed.people, person, included);
  }

  /** The template to store: the built one under the chosen name and period kind. */
  templateToSave(): Template | undefined {
    if (!this.built || !this.canAccept) return undefined;
    return { ...this.built.template, id: '', version: 1, name: this.name.trim(), periodKind: this.periodKind };
  }

  /** Forget the file here and in the worker (cancel, or saved). */
  close(): void {
    const opened = this.#file !== undefined;
    this.#ticket += 1;
    this.#forgetFile();
    // No file, no worker to tell (and no reason to start one).
    if (opened) void this.#client.run('excelClose', null).catch(() => undefined);
  }

  #forgetFile(): void {
    this.#file = undefined;
    this.opened = undefined;
    this.analyzed = undefined;
    this.mapping = undefined;
    this.built = undefined;
    this.failure = undefined;
    this.work = undefined;
    this.sheet = '';
    this.choice = {};
    this.useOwn = true;
    this.#analyzedSheet = '';
    this.#builtFrom = undefined;
  }

  async #open(): Promise<ExcelOutcome<ExcelOpened>> {
    const file = this.#file;
    if (!file) return { ok: false, refusal: { kind: 'closed' } };
    file.token = `excel-${++openings}-${Math.random().toString(36).slice(2)}`;
    // A copy goes to the worker, so the file can be sent again if the worker is restarted.
    const copy = file.bytes.slice(0);
    return this.#client.run('excelOpen', { token: file.token, file: file.name, bytes: copy }, { transfer: [copy], file: file.name });
  }

  /** A request on the opened workbook; a restarted worker gets the file again, once. */
  async #withWorkbook<T>(call: (token: string) => Promise<ExcelOutcome<T>>): Promise<ExcelOutcome<T>> {
    const first = await call(this.#file?.token ?? '');
    if (first.ok || first.refusal.kind !== 'closed' || !this.#file) return first;
    const reopened = await this.#open();
    if (!reopened.ok) return reopened;
    return call(this.#file.token);
  }

  /** The template in Kaohe's own workbook, as it is: straight to saving it. */
  #takeOwn(): void {
    const own = this.opened?.own;
    if (!own) return;
    const comparison = { columns: [], people: [], compared: 0, differing: 0, differences: [] };
    this.built = { template: own.template, review: [], issues: [], problems: validateTemplate(own.template), comparison };
    this.#builtFrom = undefined;
    this.sheet = own.sheet;
    this.name = own.template.name;
    this.periodKind = own.template.periodKind;
    this.step = 'save';
  }

  async #analyze(): Promise<void> {
    const ticket = ++this.#ticket;
    const sheet = this.sheet;
    const choice = this.choice;
    this.failure = undefined;
    this.work = { kind: 'analyzing', sheet };
    try {
      const result = await this.#withWorkbook((token) => this.#client.run('excelAnalyze', { token, sheet, choice }, { file: this.fileName }));
      if (ticket !== this.#ticket) return;
      this.work = undefined;
      if (!result.ok) return this.#refused('analyze', result.refusal);
      this.analyzed = result.value;
      this.mapping = result.value.mapping;
      this.built = undefined;
      this.#builtFrom = undefined;
      this.#analyzedSheet = sheet;
      this.name = proposedName(result.value.mapping.title, sheet, this.fileName);
      this.periodKind = likelyPeriodKind(`${this.name} ${sheet}`);
      this.step = 'mapping';
    } catch (error) {
      if (ticket === this.#ticket) this.#failed(error);
    }
  }

  async #build(): Promise<void> {
    const mapping = this.mapping;
    if (!mapping) return;
    const ticket = ++this.#ticket;
    this.failure = undefined;
    this.work = { kind: 'building' };
    try {
      const result = await this.#withWorkbook((token) => this.#client.run('excelBuild', { token, mapping }, { file: this.fileName }));
      if (ticket !== this.#ticket) return;
      this.work = undefined;
      if (!result.ok) return this.#refused('build', result.refusal);
      this.built = result.value;
      this.#builtFrom = mapping;
      this.step = 'review';
    } catch (error) {
      if (ticket === this.#ticket) this.#failed(error);
    }
  }

  #refused(during: 'open' | 'analyze' | 'build', refusal: ExcelRefusal): void {
    this.failure = { kind: 'refusal', during, file: this.fileName, sheet: this.sheet, refusal };
    if (during === 'open') this.#file = undefined;
  }

  #failed(error: unknown): void {
    this.work = undefined;
    if (error instanceof IoFailure) {
      this.failure = { kind: 'io', problem: error.problem };
      return;
    }
    throw error;
  }
}
