/**
 * A Teams-like light host config for the official `adaptivecards` renderer, plus a little CSS on top of the
 * package's own stylesheet (rounded Fluent buttons, greyed-out disabled actions, a card frame).
 *
 * The values follow Teams' light theme closely enough for documentation screenshots; Teams itself renders
 * with its own (closed) renderer, so pixel equality is not the goal. Fonts: Segoe UI where installed,
 * otherwise Liberation Sans / DejaVu Sans (what Debian's chromium has).
 */
export const FONT_FAMILY =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

const fg = (d: string, s: string) => ({ default: d, subtle: s });

const foregroundColors = {
  default: fg('#242424', '#616161'),
  dark: fg('#252423', '#484644'),
  light: fg('#FFFFFF', '#F3F2F1'),
  accent: fg('#5B5FC7', '#6F72D0'),
  good: fg('#0E700E', '#237B4B'),
  warning: fg('#8A3707', '#BC4B09'),
  attention: fg('#C4314B', '#D74654'),
};

export const TEAMS_LIGHT_HOST_CONFIG = {
  hostCapabilities: { name: 'LeadBridge docs', version: '1.0' },
  supportsInteractivity: true,
  choiceSetInputValueSeparator: ',',
  fontTypes: {
    default: {
      fontFamily: FONT_FAMILY,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors },
    accent: { backgroundColor: '#E8EBFA', foregroundColors },
    good: { backgroundColor: '#F1FAF1', foregroundColors },
    attention: { backgroundColor: '#FDF3F4', foregroundColors },
    warning: { backgroundColor: '#FFF9F5', foregroundColors },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
    iconSize: 16,
    allowTitleToWrap: true,
  },
  adaptiveCard: { allowCustomStyle: true },
  textBlock: { headingLevel: 2 },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'default' },
    },
    errorMessage: { size: 'small', spacing: 'small', weight: 'default' },
  },
  factSet: {
    title: { weight: 'bolder', size: 'default', color: 'default', isSubtle: false, wrap: true, maxWidth: 150 },
    value: { weight: 'default', size: 'default', color: 'default', isSubtle: false, wrap: true },
    spacing: 12,
  },
  media: { allowInlinePlayback: false },
};

/** Added after `adaptivecards/dist/adaptivecards.css`. */
export const PAGE_CSS = `
  html, body { margin: 0; padding: 0; background: #FFFFFF; }
  body { font-family: ${FONT_FAMILY}; -webkit-font-smoothing: antialiased; }
  #frame { box-sizing: border-box; display: inline-block; vertical-align: top; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; background: #FFFFFF; }
  .ac-pushButton { font-family: ${FONT_FAMILY}; border-radius: 4px; min-height: 32px; padding: 4px 12px; color: #242424; border: 1px solid #D1D1D1; background: #FFFFFF; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { background: #C4314B; border-color: #C4314B; color: #FFFFFF; }
  .ac-pushButton:disabled, .ac-pushButton[aria-disabled="true"] { background: #F0F0F0; border-color: #E0E0E0; color: #BDBDBD; cursor: default; }
  .ac-pushButton.expandable:after { font-family: inherit; font-size: 10px; content: "\\00a0\\25BE"; }
  .ac-pushButton.expandable.expanded:after { content: "\\00a0\\25B4"; }
  /* Teams moves buttons that do not fit to the next line instead of squeezing them. */
  .ac-actionSet[style*="row"] { flex-wrap: wrap; row-gap: 8px; }
  .ac-actionSet[style*="row"] > .ac-pushButton { flex: 0 0 auto !important; white-space: nowrap; }
  .ac-input { font-family: ${FONT_FAMILY}; }
  .ac-input.ac-textInput, .ac-input select, select.ac-input, .ac-input input { border: 1px solid #D1D1D1; border-radius: 4px; min-height: 30px; padding: 2px 8px; box-sizing: border-box; background: #FFFFFF; color: #242424; }
  .ac-input.ac-textInput::placeholder { color: #8A8A8A; }
`;
