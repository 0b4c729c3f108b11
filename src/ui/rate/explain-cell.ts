// Why a computed cell shows what it shows: the rule, the inputs it read, the band matched, the
// arithmetic ("客户满意度得分 92 在区间 ≥90 → 20 分"). Built on demand for the clicked cell only.
import { translate, type Locale, type MessageKey } from '../../i18n/catalog';
import { parse, refsOf } from '../../formula/index';
import { type CrossPeriodFlag, describeCrossPeriodRule, describeExplanation, describeRoleDetails, explainIndicator, gradeFor, isInvalidEntry, periodLabel, personResult, type RaterRole, roleLabel, ruleFormula, sectionFormula, totalFormula, totalName } from '../../scoring/index';
import type { RateColumn } from './columns';
import type { SheetModel } from './sheet-model';
import { computedValue, formatComputed, statusLabel } from './sheet-data';

export interface ExplainLine {
  readonly label: string;
  readonly text: string;
  /** Formula text is shown in a monospace font. */
  readonly code?: boolean;
}

export interface CellExplanation {
  readonly title: string;
  readonly lines: readonly ExplainLine[];
}

/** Values of the names a formula reads, in one role layer (or the shared final layer). */
function formulaInputs(model: SheetModel, formula: string, row: number, layerName: RaterRole | 'final', locale: Locale): string {
  const parsed = parse(formula);
  if (!parsed.ok) return '';
  const layer = model.compiled.layers.get(layerName);
  const names = refsOf(parsed.ast).row;
  const separator = locale === 'zh-CN' ? '，' : ', ';
  const indicators = new Map(model.template.sections.flatMap((section) => section.indicators.map((indicator) => [`@${indicator.id}`, indicator.name])));
  return names
    .map((name) => {
      const slot = layer?.get(name);
      const value = slot === undefined ? null : model.scored.sheet.columns[slot]![row];
      // `@id` is the entered cell of a self-entered indicator: show the indicator's name.
      return `${indicators.get(name) ?? name} = ${formatComputed(value, locale) || '—'}`;
    })
    .join(separator);
}

export function explainCell(
  model: SheetModel,
  column: RateColumn,
  personIndex: number,
  locale: Locale,
  flags: ReadonlyMap<string, readonly CrossPeriodFlag[]>,
): CellExplanation | null {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const person = model.people[personIndex];
  if (!person) return null;
  const title = say('rate.explain.title', { name: column.title.replace('\n', ' '), person: person.name });
  const source = column.source;
  const status = model.statuses.get(person.id) ?? 'active';
  const row = model.scored.sheet.rowOf.get(person.id) ?? -1;
  const value = computedValue(model, column, person.id);
  const result = (v: typeof value = value): ExplainLine => ({
    label: say('rate.explain.result'),
    text: isInvalidEntry(v) ? say(source.kind === 'score' ? 'scoring.invalidScore' : 'scoring.incomplete') : formatComputed(v, locale) || '—',
  });

  if (source.kind === 'flags') {
    const list = flags.get(person.id) ?? [];
    const text = list.length
      ? list.map((flag) => say('rate.explain.flag', { label: describeCrossPeriodRule(flag.rule, locale), periods: flag.periods.map((key) => periodLabel(key, locale)).join(' → ') })).join('\n')
      : say('rate.flags.none');
    return { title, lines: [{ label: say('rate.column.flags'), text }] };
  }
  if (row < 0 && value !== undefined) {
    return { title, lines: [{ label: say('rate.explain.result'), text: say('rate.explain.notAssessed', { person: person.name, status: statusLabel(status, locale) }) }] };
  }
  // 未评: nothing entered for the person yet, so there is nothing to explain but that.
  if (row >= 0 && value !== undefined && !model.scored.sheet.isRated(row)) {
    return { title, lines: [{ label: say('rate.explain.result'), text: say('rate.problem.unrated') }] };
  }
  const template = model.template;
  switch (source.kind) {
    case 'score': {
      const { indicator } = source.plan;
      const explanation =
        model.scope === 'week' ? explainIndicator(model.scored.sheet, source.plan, row) : personResult(model.scored.sheet, model.scored.weeks, person.id).indicators[indicator.id]?.explanation;
      const lines: ExplainLine[] = [];
      if (indicator.definition) lines.push({ label: say('rate.explain.definition'), text: indicator.definition });
      lines.push({ label: say('rate.explain.formula'), text: ruleFormula(indicator, template), code: true });
      if (explanation) {
        lines.push({ label: say('rate.explain.inputs'), text: describeExplanation(explanation, { locale, template, indicator }) });
        // Several raters: what each one's values did (the band matched, the deductions).
        const details = describeRoleDetails(explanation, { locale, template, indicator });
        if (details) lines.push({ label: say('rate.explain.byRater'), text: details });
      }
      const missing = source.plan.roles.filter((_, i) => !(source.plan.presenceSlots[i] ?? []).some((slot) => model.scored.sheet.columns[slot]![row] !== null));
      if (!source.plan.weekly && source.plan.roles.length > 1 && missing.length > 0 && missing.length < source.plan.roles.length) {
        lines.push({ label: '', text: say('rate.explain.missing', { roles: missing.map((w) => roleLabel(w.role, locale)).join('、') }) });
      }
      lines.push(result());
      return { title, lines };
    }
    case 'derived': {
      const formula = source.input.formula ?? '';
      const role = model.compiled.cells[source.slot]!.role ?? 'final';
      return {
        title,
        lines: [
          { label: say('rate.explain.formula'), text: formula, code: true },
          { label: say('rate.explain.inputs'), text: formulaInputs(model, formula, row, role, locale) },
          { label: say('rate.explain.result'), text: formatComputed(value, locale, source.input.type === 'percent') || '—' },
        ],
      };
    }
    case 'section': {
      const formula = sectionFormula(source.section);
      return {
        title,
        lines: [
          { label: say('rate.explain.formula'), text: formula, code: true },
          { label: say('rate.explain.inputs'), text: formulaInputs(model, formula, row, 'final', locale) },
          result(),
        ],
      };
    }
    case 'total': {
      const formula = totalFormula(template);
      return {
        title,
        lines: [
          { label: say('rate.explain.formula'), text: formula, code: true },
          { label: say('rate.explain.inputs'), text: formulaInputs(model, formula, row, 'final', locale) },
          result(),
        ],
      };
    }
    case 'output': {
      const formula = source.output.formula;
      return {
        title,
        lines: [
          { label: say('rate.explain.formula'), text: formula, code: true },
          { label: say('rate.explain.inputs'), text: formulaInputs(model, formula, row, 'final', locale) },
          result(),
        ],
      };
    }
    case 'grade': {
      const total = model.scored.sheet.columns[model.compiled.totalSlot]![row];
      if (status === 'temporary') return { title, lines: [{ label: say('rate.explain.result'), text: say('rate.explain.gradeTemporary') }] };
      if (typeof total !== 'number') return { title, lines: [result()] };
      const band = gradeFor(total, template.grades);
      const bandText = band?.min === null || band?.min === undefined ? say('rate.explain.gradeBandOpen') : `${band.minInclusive ? '≥' : '>'} ${band.min}`;
      return {
        title,
        lines: [
          { label: totalName(template), text: formatComputed(total, locale) },
          { label: say('rate.explain.result'), text: say('rate.explain.grade', { total: formatComputed(total, locale), band: bandText, grade: band?.label ?? '—' }) },
        ],
      };
    }
    case 'rank': {
      const total = model.scored.sheet.columns[model.compiled.totalSlot]![row];
      const ranked = model.scored.sheet.columns[model.compiled.rankSlot]!.filter((rank) => typeof rank === 'number').length;
      if (typeof value !== 'number') return { title, lines: [result()] };
      return {
        title,
        lines: [
          { label: say('rate.explain.result'), text: say('rate.explain.rank', { total: formatComputed(total, locale), count: ranked, rank: value }) },
          { label: '', text: say('rate.explain.rankTies', { rule: say(template.rankTies === 'dense' ? 'rate.explain.rankDense' : 'rate.explain.rankCompetition') }) },
        ],
      };
    }
    default:
      return null;
  }
}
