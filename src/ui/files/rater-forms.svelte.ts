// The rating forms' state: which forms to make (role, scope, team, rater) and the ones made; the
// forms that came back, merged, with the person's choice for each conflict and the values saving
// will average. Making and reading run in the io worker, saving in the store.
import { SvelteMap } from 'svelte/reactivity';
import { i18n, t } from '../../i18n/locale.svelte';
import { type AveragedCell, averagedWithStored, batchSize, type Conflict, type EntryTarget, entryTargets, type ExportedFile, type IoClient, IoFailure, type IoProblem, type RaterFormRequest, type ReadFormsResult, resolveConflicts, type StoredValue } from '../../io/index';
import type { RaterRole, SheetEntry } from '../../scoring/index';
import { applyImport, listPeople, loadPeriodSheet, type PersonRecord, type TeamRecord } from '../../store/index';
import { storedText, targetLabel } from './describe';
import { io } from './io';
import { periodExport, type PeriodContext } from './period-data';
import { sessionMessages, type PanelMessages } from './report';

export type FormScope = 'everyone' | 'team' | 'eachTeam' | 'eachPerson';
export const FORM_SCOPES: readonly FormScope[] = ['everyone', 'team', 'eachTeam', 'eachPerson'];

/** What the panel is about, read fresh each time (the period and teams come from live queries). */
export interface RaterFormsSource {
  readonly periodId: string;
  readonly workspaceId: string;
  /** The period's template and people; undefined while loading. */
  readonly context: PeriodContext | undefined;
  readonly teams: readonly TeamRecord[];
}

function byId(targets: readonly EntryTarget[]): ReadonlyMap<string, EntryTarget> {
  return new Map(targets.map((target) => [target.id, target]));
}

function namesById(context: PeriodContext | undefined): ReadonlyMap<string, string> {
  return new Map((context?.people ?? []).map((person) => [person.id, person.name]));
}

function teamsOf(people: readonly PersonRecord[]): ReadonlyMap<string, string> {
  return new Map(people.map((person) => [person.id, person.teamId]));
}

/** The rater roles that enter values, in the template's order. */
function ratingRoles(targets: readonly EntryTarget[]): RaterRole[] {
  const roles: RaterRole[] = [];
  for (const target of targets) if (!target.team && !roles.includes(target.role)) roles.push(target.role);
  return roles;
}

export class RaterFormsState {
  role = $state<RaterRole | ''>('');
  scope = $state<FormScope>('everyone');
  teamId = $state('');
  rater = $state('');
  made = $state.raw<readonly ExportedFile[]>([]);
  making = $state(false);

  collecting = $state(false);
  collected = $state.raw<ReadFormsResult | undefined>(undefined);
  /** The period's stored values when the forms were read: a form value may be averaged with them. */
  stored = $state.raw<readonly SheetEntry[]>([]);
  failure = $state.raw<IoProblem | undefined>(undefined);
  /** The option chosen for each conflict, by conflict id. */
  readonly choices = new SvelteMap<string, number>();
  /** The forms' file input (bound by the component): emptied when the forms are put aside. */
  formsInput: HTMLInputElement | undefined;

  readonly targets = $derived.by(() => {
    const context = this.#source().context;
    return context ? entryTargets(context.template, context.periodKind) : [];
  });
  readonly targetById = $derived(byId(this.targets));
  readonly roles = $derived(ratingRoles(this.targets));
  readonly multiRole = $derived(this.roles.length > 1);
  readonly personName = $derived.by(() => namesById(this.#source().context));
  readonly chosenRole = $derived<RaterRole | undefined>(this.role !== '' && this.roles.includes(this.role) ? this.role : this.roles[0]);
  /** Conflicts still waiting for a choice. */
  readonly openConflicts = $derived(this.collected ? this.collected.merged.conflicts.filter((conflict) => !this.choices.has(conflict.id)).length : 0);
  /** Named and unnamed raters' values that saving will average (赵经理 80% with an unnamed 99%). */
  readonly averaged: readonly AveragedCell[] = $derived(
    this.collected ? averagedWithStored(resolveConflicts(this.collected.merged, this.choices) ?? this.collected.merged.agreed, this.stored) : [],
  );

  readonly #source: () => RaterFormsSource;
  readonly #client: () => Pick<IoClient, 'run'>;
  readonly #messages: PanelMessages;

  constructor(source: () => RaterFormsSource, client: () => Pick<IoClient, 'run'> = io, messages: PanelMessages = sessionMessages) {
    this.#source = source;
    this.#client = client;
    this.#messages = messages;
  }

  /** Another period: the forms made and read for the last one go. */
  reset(): void {
    this.made = [];
    this.discard();
  }

  /** Make the forms the choices describe: one per rater, team or person. */
  async make(): Promise<void> {
    const { periodId, workspaceId, teams } = this.#source();
    const role = this.chosenRole;
    const data = await periodExport(periodId, i18n.locale);
    if (!data || !role) return;
    const teamOf = teamsOf(await listPeople(workspaceId, true));
    const onSheet = data.input.people.filter((person) => (person.status ?? 'active') !== 'leave').map((person) => person.id);
    const name = this.rater.trim();
    const scope = this.scope;
    const base = { data, role, rater: name };
    const requests: RaterFormRequest[] = [];
    if (scope === 'everyone') requests.push({ ...base, personIds: onSheet, label: name || t('files.forms.everyone') });
    if (scope === 'team' || scope === 'eachTeam') {
      for (const team of teams) {
        if (scope === 'team' && team.id !== this.teamId) continue;
        const members = onSheet.filter((id) => teamOf.get(id) === team.id);
        if (members.length > 0) requests.push({ ...base, personIds: members, label: name ? `${team.name}-${name}` : team.name });
      }
    }
    if (scope === 'eachPerson') {
      for (const id of onSheet) requests.push({ ...base, rater: role === 'self' ? (this.personName.get(id) ?? '') : name, personIds: [id], label: this.personName.get(id) ?? id });
    }
    if (requests.length === 0) return;
    this.making = true;
    try {
      this.made = await this.#client().run('exportForms', requests);
      this.#messages.notify('info', t('files.forms.made', { count: this.made.length }));
    } catch (error) {
      this.#messages.fail(error);
    } finally {
      this.making = false;
    }
  }

  /** Read the forms that came back and merge them; nothing is stored yet. */
  async collect(chosen: readonly File[]): Promise<void> {
    const { periodId, context } = this.#source();
    if (chosen.length === 0 || !context) return;
    this.collecting = true;
    this.collected = undefined;
    this.failure = undefined;
    this.choices.clear();
    try {
      const files = await Promise.all(chosen.map(async (file) => ({ file: file.name, bytes: await file.arrayBuffer() })));
      this.stored = (await loadPeriodSheet(periodId))?.input.entries ?? [];
      this.collected = await this.#client().run('readForms', { files, context }, { transfer: files.map((f) => f.bytes), file: chosen[0]!.name });
    } catch (error) {
      if (error instanceof IoFailure) this.failure = error.problem;
      else this.#messages.fail(error);
    } finally {
      this.collecting = false;
    }
  }

  choose(conflict: Conflict, option: number): void {
    this.choices.set(conflict.id, option);
  }

  /** Save the agreed values and the chosen side of each conflict, in one go. */
  async apply(): Promise<void> {
    if (!this.collected) return;
    const batch = resolveConflicts(this.collected.merged, this.choices);
    if (!batch) return;
    try {
      await applyImport(this.#source().periodId, [], batch, { action: 'merge' });
      this.#messages.notify('info', t('files.forms.applied', { count: batchSize(batch) }));
      this.discard();
    } catch (error) {
      this.#messages.fail(error);
    }
  }

  discard(): void {
    this.collected = undefined;
    this.failure = undefined;
    this.choices.clear();
    if (this.formsInput) this.formsInput.value = '';
  }

  /** An input as a person reads it: 完成率（上级）. */
  itemText(cell: { key: string; role: RaterRole }): string {
    const target = this.targetById.get(`${cell.role}|${cell.key}`);
    return target ? targetLabel(target, this.multiRole) : cell.key;
  }

  /** A value of an input as it will be stored: 0.9（90%）. */
  valueText(cell: { key: string; role: RaterRole }, value: StoredValue | null): string {
    return storedText(value, this.targetById.get(`${cell.role}|${cell.key}`));
  }

  /** One of the values an averaged cell is made of, and where it comes from. */
  partText(cell: AveragedCell, part: AveragedCell['parts'][number]): string {
    const value = this.valueText(cell, part.value);
    if (part.source === 'stored') return t('files.forms.averagedStored', { rater: part.rater === '' ? t('files.forms.averagedUnnamed') : part.rater, value });
    return part.rater === '' ? t('files.forms.averagedUnnamedForm', { value }) : t('files.forms.averagedFromForm', { rater: part.rater, value });
  }
}
