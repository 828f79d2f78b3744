import { defineTexts } from './texts.ts';

/** The satisfaction survey (SKM): the respondent's page, the office's kiosk, the SKM report. */
export const surveyTexts = defineTexts({
  surveyTitle: { id: 'Survei Kepuasan Masyarakat', en: 'Public satisfaction survey' },
  surveyIntro: {
    id: 'Sembilan pertanyaan singkat tentang layanan {service}. Jawaban Anda tanpa nama dan membantu kantor memperbaiki layanan.',
    en: 'Nine short questions about the {service} service. Your answers carry no name and help the office improve.',
  },
  progress: { id: '{n} dari 9 terjawab', en: '{n} of 9 answered' },
  aboutYou: { id: 'Tentang Anda (boleh dikosongkan)', en: 'About you (optional)' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  male: { id: 'Laki-laki', en: 'Male' },
  female: { id: 'Perempuan', en: 'Female' },
  age: { id: 'Umur', en: 'Age' },
  education: { id: 'Pendidikan terakhir', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  comment: { id: 'Saran atau masukan (boleh dikosongkan)', en: 'Suggestions (optional)' },
  unitQuestions: { id: 'Pertanyaan lain dari kantor', en: 'More questions from the office' },
  unitQuestionsNote: {
    id: 'Di luar sembilan unsur SKM: tidak menambah atau mengurangi nilai kepuasan.',
    en: 'Outside the nine elements of the survey: they do not change the satisfaction score.',
  },
  optionalMark: { id: 'boleh dikosongkan', en: 'optional' },
  requiredMark: { id: 'wajib', en: 'required' },
  answerRequired: {
    id: 'Jawab juga {n} pertanyaan kantor yang wajib.',
    en: 'Answer the {n} required question(s) of the office too.',
  },
  send: { id: 'Kirim jawaban', en: 'Send my answers' },
  answerAll: { id: 'Jawab kesembilan pertanyaan untuk mengirim.', en: 'Answer all nine questions to send.' },
  thanksTitle: { id: 'Terima kasih', en: 'Thank you' },
  thanksNote: {
    id: 'Jawaban Anda tentang layanan {service} telah kami terima.',
    en: 'We have received your answers about the {service} service.',
  },
  notClosedTitle: { id: 'Survei belum dibuka', en: 'The survey is not open yet' },
  notClosedNote: {
    id: 'Survei dibuka setelah layanan selesai. Kembali ke halaman ini setelah permohonan Anda selesai.',
    en: 'The survey opens once the service is done. Come back to this page when your request is completed.',
  },
  answeredTitle: { id: 'Survei sudah diisi', en: 'The survey has been answered' },
  answeredNote: {
    id: 'Survei untuk layanan ini sudah diisi. Setiap layanan diisi satu kali. Terima kasih.',
    en: 'The survey for this service has been answered already; each service is answered once. Thank you.',
  },
  unknownTitle: { id: 'Kode survei tidak dikenal', en: 'Unknown survey code' },
  unknownNote: {
    id: 'Periksa kode survei pada tanda terima atau surat Anda (16 huruf dan angka), ketik di bawah, lalu buka lagi.',
    en: 'Check the survey code on your receipt or letter (16 letters and digits), type it below and open it again.',
  },
  codeLabel: {
    id: 'Kode survei (pada tanda terima atau surat)',
    en: 'Survey code (on your receipt or letter)',
  },
  codeSubmit: { id: 'Buka survei', en: 'Open the survey' },
  trackLink: { id: 'Isi survei kepuasan', en: 'Take the satisfaction survey' },
  trackLinkNote: {
    id: 'Bagaimana layanan kami? Survei singkat ini tanpa nama dan kurang dari satu menit.',
    en: 'How did we do? This short survey carries no name and takes under a minute.',
  },
  kioskTitle: { id: 'Survei Kepuasan Masyarakat — {unit}', en: 'Public satisfaction survey — {unit}' },
  kioskPick: { id: 'Layanan yang Anda terima hari ini', en: 'The service you received today' },
  kioskNext: {
    id: 'Halaman ini siap untuk responden berikutnya dalam beberapa detik.',
    en: 'This page is ready for the next respondent in a few seconds.',
  },
  kioskAgain: { id: 'Responden berikutnya', en: 'Next respondent' },
});
