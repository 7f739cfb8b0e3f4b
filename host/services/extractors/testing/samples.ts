// Sentences in non-Latin scripts that every extractor test puts in its fixture and expects back
// unchanged (in logical order; NFC).
export const CYRILLIC = 'Москва заявила, что переговоры продолжатся.';
export const KOREAN = '북한 지도자 김정은이 러시아를 방문했다.';
/** Right-to-left. */
export const ARABIC = 'قال المتحدث إن المحادثات ستستمر.';
