// The portal's look: the directorate's green, system fonts that carry Arabic, and colour
// choices that keep every text at WCAG AA contrast (Mantine's defaults for dimmed and error
// text are lighter than 4.5:1 on white).
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const absher: MantineColorsTuple = [
  '#e8f6ee',
  '#cfeadb',
  '#a0d4b5',
  '#6cbd8d',
  '#41a96b',
  '#269c56',
  '#13914a',
  '#006c35',
  '#005c2d',
  '#00421f',
];

// Mantine's orange, with its darkest shade darker still: status badges write orange.9 on a
// light orange ground, where Mantine's #d9480f reads at 3.9:1.
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707', '#e8590c', '#a33a0c'];

export const theme = createTheme({
  primaryColor: 'absher',
  primaryShade: 7,
  colors: { absher, orange },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Tahoma, "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", Arial, sans-serif',
  // Long Arabic titles must fit a 360 px screen without breaking every other word.
  headings: {
    fontFamily: 'inherit',
    fontWeight: '700',
    sizes: {
      h1: { fontSize: 'clamp(1.625rem, 1.2rem + 2vw, 2.125rem)', lineHeight: '1.35' },
      h2: { fontSize: 'clamp(1.375rem, 1.1rem + 1.2vw, 1.625rem)', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  lineHeights: { md: '1.7' },
  focusRing: 'auto',
  autoContrast: true,
  components: {
    // A closed list is not drawn. Mantine keeps every Select's list in the page, hidden, and
    // places it beside its field as the page mounts: on the establishment's workers page, seven
    // lists of every nationality and profession were laid out and placed before the table showed.
    // Written as a plain entry, so that the shell does not import the component.
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Red buttons (cancel a request, revoke an authorization): Mantine's red on white is 3.3:1.
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51d1d',
  },
  dark: {},
});
