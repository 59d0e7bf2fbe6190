import { z } from 'zod';
import {
  PRODUCT_LISTS,
  QaProfileInputSchema,
  type ProductList,
  type QaExpectations,
  type QaProfile,
} from '../../../../shared/checks/qa-profile';

// The profile editor's form: text fields shaped like the profile (lists typed as "auth,
// transactions"), turned into a profile and then checked by the contract's own schema, so the
// form refuses exactly what the API and an import refuse, at the same field paths.

export const ACCOUNT_TYPES = ['depository', 'credit', 'loan', 'investment'] as const;
type AccountType = (typeof ACCOUNT_TYPES)[number];
export const OUTCOME_KINDS = ['', 'linked', 'failed', 'abandoned'] as const;
// A webhook or redirect_uri: not checked, must have none, or must be this URL.
export const URL_MODES = ['any', 'none', 'url'] as const;

const urlExpectation = z.object({ mode: z.enum(URL_MODES), url: z.string() });

const ProfileFormValuesSchema = z.object({
  name: z.string(),
  description: z.string(),
  expectations: z.object({
    products: z.record(z.enum(PRODUCT_LISTS), z.string()),
    country_codes: z.string(),
    language: z.string(),
    webhook: urlExpectation,
    redirect_uri: urlExpectation,
    client_name: z.string(),
    account_filters: z.record(z.enum(ACCOUNT_TYPES), z.string()),
    lifetime_minutes: z.string(),
    outcome: z.object({
      kind: z.enum(OUTCOME_KINDS),
      error_code: z.string(),
      step: z.string(),
      institution: z.string(),
    }),
  }),
});
export type ProfileFormValues = z.infer<typeof ProfileFormValuesSchema>;

function list(text: string): string[] | undefined {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? values : undefined;
}

const filled = (text: string) => (text.trim() === '' ? undefined : text.trim());

function urlValue({ mode, url }: ProfileFormValues['expectations']['webhook']): string | null | undefined {
  if (mode === 'none') return null;
  if (mode === 'url') return url.trim();
  return undefined;
}

// A blank field names no expectation; undefined keys are left out so the profile checks only what
// it names.
function toInput(values: ProfileFormValues): unknown {
  const e = values.expectations;
  const products = Object.fromEntries(
    PRODUCT_LISTS.flatMap((name) => {
      const named = list(e.products[name] ?? '');
      return named ? [[name, named]] : [];
    }),
  );
  const filters = Object.fromEntries(
    ACCOUNT_TYPES.flatMap((type) => {
      const subtypes = list(e.account_filters[type] ?? '');
      return subtypes ? [[type, { account_subtypes: subtypes }]] : [];
    }),
  );
  const { kind } = e.outcome;
  const outcome =
    kind === ''
      ? undefined
      : {
          kind,
          ...(kind === 'failed' && filled(e.outcome.error_code)
            ? { error_code: filled(e.outcome.error_code) }
            : {}),
          ...(kind === 'abandoned' && filled(e.outcome.step) ? { step: filled(e.outcome.step) } : {}),
          ...(filled(e.outcome.institution) ? { institution: filled(e.outcome.institution) } : {}),
        };
  const lifetime = filled(e.lifetime_minutes);
  const expectations = {
    products: Object.keys(products).length > 0 ? products : undefined,
    country_codes: list(e.country_codes),
    language: filled(e.language),
    webhook: urlValue(e.webhook),
    redirect_uri: urlValue(e.redirect_uri),
    client_name: filled(e.client_name),
    account_filters: Object.keys(filters).length > 0 ? filters : undefined,
    lifetime_minutes: lifetime === undefined ? undefined : Number(lifetime),
    outcome,
  };
  return {
    name: values.name,
    description: filled(values.description),
    expectations: Object.fromEntries(Object.entries(expectations).filter(([, value]) => value !== undefined)),
  };
}

export const ProfileFormSchema = ProfileFormValuesSchema.transform(toInput).pipe(QaProfileInputSchema);

const noProducts = Object.fromEntries(PRODUCT_LISTS.map((name) => [name, ''])) as Record<ProductList, string>;
const noFilters = Object.fromEntries(ACCOUNT_TYPES.map((type) => [type, ''])) as Record<AccountType, string>;

export const EMPTY_PROFILE_FORM: ProfileFormValues = {
  name: '',
  description: '',
  expectations: {
    products: noProducts,
    country_codes: '',
    language: '',
    webhook: { mode: 'any', url: '' },
    redirect_uri: { mode: 'any', url: '' },
    client_name: '',
    account_filters: noFilters,
    lifetime_minutes: '',
    outcome: { kind: '', error_code: '', step: '', institution: '' },
  },
};

function urlForm(value: string | null | undefined): ProfileFormValues['expectations']['webhook'] {
  if (value === undefined) return { mode: 'any', url: '' };
  if (value === null) return { mode: 'none', url: '' };
  return { mode: 'url', url: value };
}

// A kept profile in the form, to edit it.
export function profileToForm(
  profile: Pick<QaProfile, 'name' | 'description' | 'expectations'>,
): ProfileFormValues {
  const e: QaExpectations = profile.expectations;
  const outcome = e.outcome;
  return {
    name: profile.name,
    description: profile.description ?? '',
    expectations: {
      products: {
        ...noProducts,
        ...Object.fromEntries(Object.entries(e.products ?? {}).map(([k, v]) => [k, v.join(', ')])),
      },
      country_codes: (e.country_codes ?? []).join(', '),
      language: e.language ?? '',
      webhook: urlForm(e.webhook),
      redirect_uri: urlForm(e.redirect_uri),
      client_name: e.client_name ?? '',
      account_filters: {
        ...noFilters,
        ...Object.fromEntries(
          Object.entries(e.account_filters ?? {}).map(([type, filter]) => [
            type,
            filter.account_subtypes.join(', '),
          ]),
        ),
      },
      lifetime_minutes: e.lifetime_minutes === undefined ? '' : String(e.lifetime_minutes),
      outcome: {
        kind: outcome?.kind ?? '',
        error_code: outcome?.kind === 'failed' ? (outcome.error_code ?? '') : '',
        step: outcome?.kind === 'abandoned' ? (outcome.step ?? '') : '',
        institution: outcome?.institution ?? '',
      },
    },
  };
}
