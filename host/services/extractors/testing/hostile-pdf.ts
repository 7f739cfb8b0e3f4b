// A PDF full of active content for safety tests: an /OpenAction and document-level JavaScript,
// page and field actions, /URI, /Launch, /GoToR, /SubmitForm, /ImportData and an external image,
// every address pointing at `origin` (a request trap). Its text: two sentences with ligatures.
import { handMadePdf, stream } from './hand-made-pdf.js';

export function hostilePdf(o: string): Buffer {
  const js = `globalThis.__glossPdfJsRan = true; app.launchURL("${o}/js-launch", true); this.submitForm("${o}/js-submit"); this.getURL("${o}/js-geturl");`.replace(/([()\\])/g, '\\$1');
  return handMadePdf([
    /* 1 */ `<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(init) 6 0 R] >> >> /AA << /WC 6 0 R /WS 6 0 R >> /AcroForm << /Fields [9 0 R] >> /URI << /Base (${o}/base/) >> /Lang (en) >>`,
    /* 2 */ `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
    /* 3 */ `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> /XObject << /Im1 10 0 R >> >> /Annots [8 0 R 9 0 R] /AA << /O 6 0 R /C 11 0 R >> >>`,
    /* 4 */ stream('BT /F1 12 Tf 72 720 Td (The report was denied by the ministry.) Tj 0 -16 Td (The \\200nancial \\201ow will a\\202ect the o\\203ce and ba\\204e the auditors.) Tj ET q 10 0 0 10 72 600 cm /Im1 Do Q'),
    /* 5 */ `<< /Type /Action /S /JavaScript /JS (${js}) /Next [11 0 R 12 0 R 13 0 R] >>`,
    /* 6 */ `<< /Type /Action /S /JavaScript /JS 14 0 R >>`,
    /* 7 */ `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl /ff /ffi /ffl] >> >>`,
    /* 8 */ `<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /URI /URI (${o}/uri) >> >>`,
    /* 9 */ `<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (typed) /Rect [72 650 300 670] /AA << /F 5 0 R /K 6 0 R /Fo 5 0 R >> /A << /S /SubmitForm /F << /FS /URL /F (${o}/submit) >> >> >>`,
    /* 10 */ `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 0 /F << /FS /URL /F (${o}/external-image) >> >>\nstream\n\nendstream`,
    /* 11 */ `<< /Type /Action /S /Launch /F (${o}/launch) /Win << /F (cmd.exe) /P (/c calc) >> >>`,
    /* 12 */ `<< /Type /Action /S /GoToR /F << /FS /URL /F (${o}/remote.pdf) >> /D [0 /Fit] >>`,
    /* 13 */ `<< /Type /Action /S /ImportData /F << /FS /URL /F (${o}/import.fdf) >> >>`,
    /* 14 */ stream(js.replace(/\\([()\\])/g, '$1')),
    /* 15 (Info) */ `<< /Title (Denial) /Author (Press office) /CreationDate (D:20230913083000+02'00') >>`,
  ]);
}
