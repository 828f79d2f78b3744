/**
 * Every domain error code Jaring answers with: its HTTP status and its message in Indonesian and
 * English (`{name}` placeholders are filled from the error's details). `DomainError` takes only
 * these codes, so a misspelt code fails `tsc`; `http/errors.ts` reads status and message here.
 */
export interface ErrorSpec {
  status: number;
  id: string;
  en: string;
  /**
   * Texts for particular values of one detail, e.g. `case.closed` by its `status`, or the
   * singular of a count (`{ on: 'count', texts: { 1: … } }`); any other value takes `id`/`en`.
   */
  variants?: { on: string; texts: Record<string, { id: string; en: string }> };
}

export const errorCatalogue = {
  'audit.range_invalid': {
    status: 422,
    id: 'Tanggal awal ({from}) sesudah tanggal akhir ({to}).',
    en: 'The start date ({from}) is after the end date ({to}).',
  },
  'auth.unauthenticated': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.invalid_credentials': {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong user name or password.',
  },
  'auth.throttled': {
    status: 429,
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {retryAfterSeconds} detik.',
    en: 'Too many sign-in attempts. Try again in {retryAfterSeconds} seconds.',
  },
  'auth.forbidden': {
    status: 403,
    id: 'Anda tidak memiliki hak untuk tindakan ini.',
    en: 'You do not have permission for this action.',
  },
  'auth.password_unchanged': {
    status: 422,
    id: 'Kata sandi baru harus berbeda dari yang lama.',
    en: 'The new password must differ from the current one.',
  },
  'auth.totp_required': {
    status: 401,
    id: 'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.totp_invalid': {
    status: 401,
    id: 'Kode autentikator salah atau sudah kedaluwarsa.',
    en: 'Wrong or expired authenticator code.',
  },
  'auth.totp_reused': {
    status: 401,
    id: 'Kode ini sudah dipakai. Tunggu kode berikutnya di aplikasi autentikator.',
    en: 'This code was already used. Wait for the next code in your authenticator app.',
  },
  'auth.totp_enrolment_required': {
    status: 403,
    id: 'Unit Anda mewajibkan aplikasi autentikator. Aktifkan dulu di halaman Akun Saya.',
    en: 'Your office requires an authenticator app. Set it up first under My account.',
  },
  'auth.totp_enabled': {
    status: 409,
    id: 'Aplikasi autentikator sudah aktif. Nonaktifkan dulu untuk mendaftarkan yang baru.',
    en: 'An authenticator app is already on. Turn it off first to enrol a new one.',
  },
  'auth.totp_not_pending': {
    status: 409,
    id: 'Belum ada pendaftaran autentikator yang menunggu konfirmasi. Mulai lagi.',
    en: 'No authenticator enrolment is waiting for confirmation. Start again.',
  },
  'auth.totp_not_enabled': {
    status: 409,
    id: 'Aplikasi autentikator belum aktif untuk akun ini.',
    en: 'No authenticator app is on for this account.',
  },
  'auth.totp_enrol_first': {
    status: 409,
    id: 'Aktifkan aplikasi autentikator Anda sendiri sebelum mewajibkannya untuk unit ini.',
    en: 'Turn on your own authenticator app before requiring it for this office.',
  },
  'csrf.invalid': {
    status: 403,
    id: 'Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.',
    en: 'Request refused (security token mismatch). Reload the page.',
  },
  'rate.limited': {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: 'Too many requests. Please try again shortly.',
  },
  'request.invalid': { status: 422, id: 'Isian tidak valid.', en: 'The input is not valid.' },
  'request.invalid_text': {
    status: 422,
    id: 'Isian berisi karakter yang tidak dapat disimpan (NUL atau surrogate tunggal); perbaiki kolom yang disebut.',
    en: 'The input holds characters that cannot be stored (NUL or a lone surrogate); fix the fields named.',
  },
  'request.malformed': {
    status: 400,
    id: 'Isi permintaan rusak atau tidak lengkap (misalnya bukan JSON yang sah).',
    en: 'The request body is malformed or incomplete (not valid JSON, say).',
  },
  'request.unsupported_media_type': {
    status: 415,
    id: 'Jenis isi permintaan (Content-Type) tidak didukung.',
    en: 'The request’s content type is not supported.',
  },
  'request.too_large': {
    status: 413,
    id: 'Isi permintaan terlalu besar.',
    en: 'The request body is too large.',
  },
  'request.not_multipart': {
    status: 415,
    id: 'Unggahan harus dikirim sebagai formulir berkas (multipart/form-data).',
    en: 'Uploads must be sent as a file form (multipart/form-data).',
  },
  'request.multipart_invalid': {
    status: 400,
    id: 'Unggahan rusak atau terputus; pilih berkas lalu kirim ulang.',
    en: 'The upload is malformed or was cut off; choose the file and send it again.',
  },
  'request.aborted': {
    status: 400,
    id: 'Unggahan terputus sebelum selesai; kirim ulang.',
    en: 'The upload stopped before it was complete; send it again.',
  },
  'request.file_too_large': {
    status: 413,
    id: 'Berkas yang diunggah terlalu besar.',
    en: 'The uploaded file is too large.',
  },
  'request.file_missing': {
    status: 422,
    id: 'Tidak ada berkas yang dikirim; pilih berkas lalu unggah.',
    en: 'No file was sent; choose a file and upload it.',
  },
  'request.too_many_parts': {
    status: 413,
    id: 'Unggahan berisi terlalu banyak berkas atau kolom; kirim satu berkas saja.',
    en: 'The upload holds too many files or fields; send one file.',
  },
  'unit.not_found': { status: 404, id: 'Unit tidak ditemukan.', en: 'Unit not found.' },
  'user.not_found': { status: 404, id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  'user.unknown_division': {
    status: 422,
    id: 'Bidang "{division}" tidak ada di unit ini (yang ada: {allowed}).',
    en: 'Division "{division}" is not one of this office’s ({allowed}).',
  },
  'session.not_found': {
    status: 404,
    id: 'Sesi tidak ditemukan (mungkin sudah berakhir).',
    en: 'Session not found (it may have ended already).',
  },
  'standard.not_found': {
    status: 404,
    id: 'Standar pelayanan tidak ditemukan.',
    en: 'Service standard not found.',
  },
  'standard.invalid': {
    status: 422,
    id: 'Berkas standar pelayanan tidak valid ({count} masalah).',
    en: 'The service standard file is not valid ({count} problems).',
    variants: {
      on: 'count',
      texts: {
        1: {
          id: 'Berkas standar pelayanan tidak valid (1 masalah).',
          en: 'The service standard file is not valid (1 problem).',
        },
      },
    },
  },
  'standard.wrong_unit': {
    status: 403,
    id: 'Standar ini milik unit "{unit}", bukan unit Anda ("{activeUnit}").',
    en: 'This standard belongs to unit "{unit}", not your unit ("{activeUnit}").',
  },
  'standard.revision_exists': {
    status: 409,
    id: 'Revisi "{revision}" sudah diterbitkan dengan isi berbeda. Naikkan nomor revisi (document.revision).',
    en: 'Revision "{revision}" is already published with other content. Raise document.revision.',
  },
  'standard.unchanged': {
    status: 409,
    id: 'Revisi "{revision}" sudah diterbitkan dengan isi yang sama.',
    en: 'Revision "{revision}" is already published with the same content.',
  },
  'emergency.invalid': {
    status: 422,
    id: 'Data status tanggap darurat tidak valid.',
    en: 'The emergency data is not valid.',
  },
  'emergency.not_found': {
    status: 404,
    id: 'Status tanggap darurat tidak ditemukan.',
    en: 'Emergency not found.',
  },
  'emergency.ended': {
    status: 409,
    id: 'Status tanggap darurat ini sudah diakhiri.',
    en: 'This emergency has already been ended.',
  },
  'emergency.not_active': {
    status: 422,
    id: 'Wilayah {area} tidak dalam status tanggap darurat; permohonan bantuan logistik tidak dapat diterima.',
    en: '{area} is not under an emergency response status; the relief request cannot be accepted.',
  },
  'submission.no_office_above': {
    status: 422,
    id: '{office} tidak berada di bawah kantor lain di Jaring; tidak ada kantor tujuan pengajuan.',
    en: '{office} has no office above it on Jaring to submit to.',
  },
  'submission.no_service': {
    status: 422,
    id: '{office} belum menerbitkan layanan {service} di Jaring.',
    en: '{office} does not publish the service {service} on Jaring yet.',
  },
  'submission.area_outside': {
    status: 422,
    id: 'Wilayah {area} berada di luar wilayah {office}; permohonan hanya dapat diajukan untuk wilayah kabupaten/kota sendiri atau kecamatannya.',
    en: '{area} lies outside the area of {office}; a request may be submitted only for your own regency/city or its districts.',
  },
  'submission.paper_closed': {
    status: 409,
    id: 'Berkas tidak dapat dikirim lagi: {office} sudah memproses permohonan ini (langkah "{step}").',
    en: 'Papers can no longer be sent: {office} is already processing this request (step "{step}").',
    variants: {
      on: 'status',
      texts: {
        done: {
          id: 'Berkas tidak dapat dikirim lagi: permohonan ini sudah selesai.',
          en: 'Papers can no longer be sent: this request is finished.',
        },
        rejected: {
          id: 'Berkas tidak dapat dikirim lagi: permohonan ini ditolak.',
          en: 'Papers can no longer be sent: this request was refused.',
        },
      },
    },
  },
  'submission.paper_not_asked': {
    status: 422,
    id: 'Berkas ini tidak diminta untuk permohonan ini; yang dapat dikirim: {allowed}.',
    en: 'This paper is not asked for this request; what may be sent: {allowed}.',
  },
  'disposition.not_found': {
    status: 404,
    id: 'Lembar disposisi tidak ditemukan.',
    en: 'Disposition sheet not found.',
  },
  'relief.invalid': { status: 422, id: 'Data perjalanan tidak valid.', en: 'The trip data is not valid.' },
  'relief.no_tariff': {
    status: 400,
    id: 'Tarif untuk kelas jarak "{distanceClass}" belum diatur unit ini.',
    en: 'No tariff is set for distance class "{distanceClass}" in this office.',
  },
  'relief.not_found': { status: 404, id: 'Pembayaran tidak ditemukan.', en: 'Payout not found.' },
  'relief.repeat_reason_required': {
    status: 422,
    id: 'Pemohon ini sudah {claims} kali menerima bantuan kehabisan bekal. Tuliskan alasan pembayaran ulang (paling sedikit 5 karakter).',
    en: 'This applicant has received kehabisan bekal aid {claims} time(s) before. Give the reason for paying again (at least 5 characters).',
  },
  'survey.token_unknown': {
    status: 404,
    id: 'Kode survei tidak dikenal. Periksa kode pada tanda terima atau surat Anda.',
    en: 'Unknown survey code. Check the code on your receipt or letter.',
  },
  'survey.case_open': {
    status: 409,
    id: 'Survei dapat diisi setelah layanan Anda selesai.',
    en: 'The survey opens once your service is done.',
  },
  'survey.answered': {
    status: 409,
    id: 'Survei untuk layanan ini sudah diisi. Terima kasih.',
    en: 'The survey for this service has been answered already. Thank you.',
  },
  'survey.code_unknown': {
    status: 404,
    id: 'Kode permohonan tidak ditemukan. Periksa kode pada tanda terima Anda.',
    en: 'Request code not found. Check the code on your receipt.',
  },
  'survey.period_closed': {
    status: 409,
    id: 'Periode survei semester {semester} tahun {year} sudah ditutup oleh kepala dinas; tanggapan atas layanan pada periode itu tidak dapat ditambahkan lagi.',
    en: 'The survey period semester {semester} of {year} has been closed by the head of office; no response for a service given in it can be added.',
    variants: {
      on: 'semester',
      texts: {
        0: {
          id: 'Periode survei tahun {year} sudah ditutup oleh kepala dinas; tanggapan atas layanan pada tahun itu tidak dapat ditambahkan lagi.',
          en: 'The survey period of the year {year} has been closed by the head of office; no response for a service given in it can be added.',
        },
      },
    },
  },
  'survey.period_already_closed': {
    status: 409,
    id: 'Periode survei ini sudah ditutup.',
    en: 'This survey period is closed already.',
  },
  'survey.period_unfinished': {
    status: 409,
    id: 'Periode survei baru dapat ditutup setelah berakhir ({to}).',
    en: 'A survey period can be closed only once it has ended ({to}).',
  },
  'survey.follow_up_not_found': {
    status: 404,
    id: 'Rencana tindak lanjut tidak ditemukan.',
    en: 'Follow-up plan not found.',
  },
  'survey.import_invalid': {
    status: 422,
    id: 'Berkas survei kertas tidak dapat diimpor ({count} masalah); tidak ada jawaban yang disimpan.',
    en: 'The paper survey file cannot be imported ({count} problems); no response was stored.',
    variants: {
      on: 'count',
      texts: {
        1: {
          id: 'Berkas survei kertas tidak dapat diimpor (1 masalah); tidak ada jawaban yang disimpan.',
          en: 'The paper survey file cannot be imported (1 problem); no response was stored.',
        },
      },
    },
  },
  'survey.extra_invalid': {
    status: 422,
    id: 'Jawaban pertanyaan tambahan tidak dapat diterima ({count} masalah); tidak ada jawaban yang disimpan.',
    en: "The answers to the office's own questions cannot be taken ({count} problems); no response was stored.",
    variants: {
      on: 'count',
      texts: {
        1: {
          id: 'Jawaban pertanyaan tambahan tidak dapat diterima (1 masalah); tidak ada jawaban yang disimpan.',
          en: "The answers to the office's own questions cannot be taken (1 problem); no response was stored.",
        },
      },
    },
  },
  'survey.question_not_found': {
    status: 404,
    id: 'Pertanyaan tambahan tidak ditemukan.',
    en: 'Question not found.',
  },
  'survey.question_retired': {
    status: 409,
    id: 'Pertanyaan ini sudah dinonaktifkan; buat pertanyaan baru bila perlu.',
    en: 'This question has been retired; add a new question if needed.',
  },
  'survey.question_answered': {
    status: 409,
    id: 'Jenis jawaban pertanyaan ini tidak dapat diubah karena sudah ada yang menjawab; nonaktifkan dan buat pertanyaan baru.',
    en: 'The kind of answer of this question cannot change once it has answers; retire it and add a new question.',
  },
  'survey.question_locked': {
    status: 409,
    id: 'Pertanyaan ini sudah dijawab pada periode survei yang ditutup; teksnya tidak dapat diubah lagi. Nonaktifkan dan buat pertanyaan baru.',
    en: 'This question was answered in a closed survey period; its text cannot change any more. Retire it and add a new question.',
  },
  'survey.questions_too_many': {
    status: 409,
    id: 'Paling banyak {max} pertanyaan tambahan dapat dipakai sekaligus; nonaktifkan satu terlebih dahulu.',
    en: 'At most {max} questions of the office can be in use at once; retire one first.',
  },
  'survey.order_invalid': {
    status: 422,
    id: 'Urutan pertanyaan harus memuat setiap pertanyaan yang dipakai tepat satu kali.',
    en: 'The order must name each question in use exactly once.',
  },
  'survey.unknown_service': {
    status: 422,
    id: 'Layanan yang dipilih tidak ada di kantor ini.',
    en: 'The chosen service is not offered by this office.',
  },
  'stock.insufficient': {
    status: 409,
    id: 'Stok tidak cukup (diminta → tersedia): {shortages}.',
    en: 'Not enough stock (wanted → available): {shortages}.',
  },
  'stock.not_found': {
    status: 404,
    id: 'Barang, gudang atau batch tidak ditemukan di unit ini.',
    en: 'Item, warehouse or batch not found in this office.',
  },
  'stock.already_reserved': {
    status: 409,
    id: 'Permohonan ini sudah memiliki barang yang dipesan; lepaskan dulu sebelum memesan lagi.',
    en: 'This request already has stock reserved; release it before reserving again.',
  },
  'stock.return_exceeds': {
    status: 409,
    id: 'Jumlah yang dikembalikan ({wanted}) melebihi yang dikirim dari batch ini untuk permohonan ini dan belum dikembalikan ({returnable}).',
    en: 'The quantity returned ({wanted}) is more than was dispatched from this batch for this request and not yet returned ({returnable}).',
  },
  'stock.nothing_reserved': {
    status: 409,
    id: 'Tidak ada barang yang dipesan untuk dikirim.',
    en: 'Nothing is reserved to dispatch.',
  },
  'stock.invalid': { status: 422, id: 'Data stok tidak valid.', en: 'The stock data is not valid.' },
  'case.invalid': { status: 422, id: 'Data permohonan tidak valid.', en: 'The request data is not valid.' },
  'case.unknown_effect': {
    status: 400,
    id: 'Efek "{effect}" tidak dikenal oleh Jaring.',
    en: 'Effect "{effect}" is unknown to Jaring.',
  },
  'letter.not_found': { status: 404, id: 'Surat tidak ditemukan.', en: 'Letter not found.' },
  'letter.not_signed': {
    status: 404,
    id: 'Surat {number} belum memiliki pindaian yang ditandatangani.',
    en: 'Letter {number} has no signed scan yet.',
  },
  'letter.conflict': {
    status: 409,
    id: 'Pindaian surat ini baru saja diganti oleh petugas lain. Muat ulang lalu coba lagi.',
    en: 'Someone else just replaced this letter’s scan. Reload and try again.',
  },
  'case.not_found': { status: 404, id: 'Permohonan tidak ditemukan.', en: 'Request not found.' },
  'case.search_nik_partial': {
    status: 422,
    id: 'NIK dicari dengan 16 angka lengkap; yang diketik {length} angka.',
    en: 'A NIK is searched by all 16 digits; {length} were typed.',
  },
  'case.queue_role_not_held': {
    status: 422,
    id: 'Antrean {role} hanya untuk pemegang peran itu.',
    en: 'The queue of {role} is only for those who hold that role.',
  },
  'case.not_open': { status: 400, id: 'Permohonan belum dibuka.', en: 'The request is not open.' },
  'case.already_open': { status: 400, id: 'Permohonan sudah dibuka.', en: 'The request is already open.' },
  'case.unknown_step': { status: 400, id: 'Langkah "{step}" tidak dikenal.', en: 'Unknown step "{step}".' },
  'case.wrong_role': {
    status: 403,
    id: 'Langkah ini dikerjakan oleh {role}, bukan oleh peran Anda.',
    en: 'This step is done by {role}, not by your role.',
  },
  'case.wrong_division': {
    status: 403,
    id: 'Langkah ini dikerjakan oleh {roleName} pada {division}; Anda tidak tercatat di bidang tersebut.',
    en: 'This step is done by the {roleName} of {division}; you are not recorded in that division.',
  },
  'case.division_unstaffed': {
    status: 403,
    id: 'Langkah ini dikerjakan oleh {roleName} pada {division}, tetapi belum ada pengguna unit ini yang tercatat sebagai {roleName} di bidang tersebut. Minta administrator mencatat bidang pengguna, atau menetapkan bahwa unit ini memiliki satu kepala untuk semua bidang.',
    en: 'This step is done by the {roleName} of {division}, but no user of this office is recorded as {roleName} in that division. Ask the administrator to record users’ divisions, or to set that this office has one head for all divisions.',
  },
  'case.signer_incomplete': {
    status: 422,
    id: 'Surat tidak dapat diterbitkan: {items} penanda tangan ({signer}) belum tercatat. Minta administrator melengkapinya.',
    en: 'The letter cannot be issued: the signer’s ({signer}) {items} is not on record. Ask the administrator to complete it.',
  },
  'case.reveal_forbidden': {
    status: 403,
    id: 'Peran Anda tidak berwenang melihat NIK lengkap pemohon.',
    en: 'Your role may not see the applicant’s full NIK.',
  },
  'case.nik_not_found': {
    status: 404,
    id: 'Pemohon ini tidak mencantumkan NIK.',
    en: 'This applicant gave no NIK.',
  },
  'case.closed': {
    status: 409,
    id: 'Permohonan sudah selesai; tidak ada tindakan lagi.',
    en: 'The request is done; no more actions.',
    variants: {
      on: 'status',
      texts: {
        rejected: {
          id: 'Permohonan sudah ditolak; tidak ada tindakan lagi.',
          en: 'The request was rejected; no more actions.',
        },
      },
    },
  },
  'case.conflict': {
    status: 409,
    id: 'Permohonan ini baru saja diubah oleh petugas lain. Muat ulang lalu coba lagi.',
    en: 'Someone else just changed this request. Reload and try again.',
  },
  'case.waiting_for_applicant': {
    status: 409,
    id: 'Permohonan menunggu kelengkapan dari pemohon (alasan: {reason}). Pilih "Lanjutkan" setelah berkas dilengkapi.',
    en: 'The request waits for the applicant to complete it (reason: {reason}). Choose "Resume" once the papers are complete.',
  },
  'case.not_returned': {
    status: 409,
    id: 'Permohonan tidak sedang dikembalikan.',
    en: 'The request is not waiting for the applicant.',
  },
  'case.documents_missing': {
    status: 422,
    id: 'Dokumen persyaratan belum lengkap: {missing}.',
    en: 'Required documents are missing: {missing}.',
  },
  'case.reason_required': { status: 422, id: 'Alasan wajib diisi.', en: 'A reason is required.' },
  'case.no_letter': {
    status: 422,
    id: 'Tindakan "{action}" tidak menerbitkan surat; tidak ada pratinjau surat.',
    en: 'Action "{action}" issues no letter; there is no letter preview.',
  },
  'case.unknown_action': {
    status: 422,
    id: 'Tindakan "{action}" tidak tersedia pada langkah ini.',
    en: 'Action "{action}" is not available at this step.',
  },
  'case.no_workflow': {
    status: 422,
    id: 'Standar "{standard}" belum memiliki alur kerja (workflow).',
    en: 'Standard "{standard}" has no workflow yet.',
  },
  'case.product_required': {
    status: 422,
    id: 'Pilih produk layanan: {products}.',
    en: 'Choose the service product: {products}.',
  },
  'case.unknown_product': {
    status: 422,
    id: 'Produk layanan "{product}" tidak dikenal; pilih salah satu: {products}.',
    en: 'Unknown service product "{product}"; choose one of: {products}.',
  },
  'registry.import_xls': {
    status: 415,
    id: 'Berkas Excel lama (.xls) tidak didukung; simpan ulang sebagai .xlsx atau CSV.',
    en: 'Old Excel files (.xls) are not supported; save the file again as .xlsx or CSV.',
  },
  'registry.import_not_xlsx': {
    status: 415,
    id: 'Berkas bernama .xlsx tetapi isinya bukan berkas Excel; simpan ulang dari Excel sebagai .xlsx.',
    en: 'The file is named .xlsx but is not an Excel workbook; save it again from Excel as .xlsx.',
  },
  'registry.import_file_missing': {
    status: 422,
    id: 'Pilih berkas CSV atau XLSX untuk diimpor.',
    en: 'Choose a CSV or XLSX file to import.',
  },
  'registry.import_too_large': {
    status: 413,
    id: 'Berkas lebih besar dari {limit}; pecah menjadi beberapa berkas.',
    en: 'The file is larger than {limit}; split it into several files.',
  },
  'registry.import_not_found': { status: 404, id: 'Impor tidak ditemukan.', en: 'Import not found.' },
  'registry.import_running': {
    status: 409,
    id: 'Impor lain di unit ini masih berjalan (impor #{id}); tunggu sampai selesai.',
    en: 'Another import of this unit is still running (import #{id}); wait for it to finish.',
  },
  'registry.person_not_found': {
    status: 404,
    id: 'Orang tidak ditemukan di register.',
    en: 'Person not found in the register.',
  },
  'registry.family_not_found': {
    status: 404,
    id: 'Keluarga tidak ditemukan di register.',
    en: 'Family not found in the register.',
  },
  'registry.village_forbidden': {
    status: 403,
    id: 'Data ini di luar desa Anda.',
    en: 'This record is outside your village.',
  },
  'registry.cursor_invalid': {
    status: 422,
    id: 'Penanda halaman tidak valid; mulai dari halaman pertama.',
    en: 'Invalid page marker; start from the first page.',
  },
  'registry.export_not_found': {
    status: 404,
    id: 'Tautan unduhan sudah kedaluwarsa atau sudah dipakai; buat ekspor baru.',
    en: 'The download link has expired or was already used; start a new export.',
  },
  'registry.invalid': {
    status: 422,
    id: 'Data register tidak valid.',
    en: 'The register data is not valid.',
  },
  'registry.search_digits': {
    status: 422,
    id: 'NIK atau No KK harus 16 digit.',
    en: 'A NIK or KK number has 16 digits.',
  },
  'registry.search_short': {
    status: 422,
    id: 'Ketik nama minimal 3 huruf.',
    en: 'Type at least 3 letters of a name.',
  },
  'document.not_found': { status: 404, id: 'Berkas tidak ditemukan.', en: 'File not found.' },
  'document.unknown_requirement': {
    status: 422,
    id: 'Persyaratan "{requirementId}" bukan dokumen dari layanan ini; dokumennya: {allowed}.',
    en: 'Requirement "{requirementId}" is not a document of this service; its documents: {allowed}.',
  },
  'document.step_left': {
    status: 409,
    id: 'Berkas "{requirement}" tidak dapat diganti lagi: langkah "{step}" yang memerlukannya sudah dilewati.',
    en: 'The paper "{requirement}" can no longer be replaced: the step "{step}" that requires it has been left.',
    variants: {
      on: 'operation',
      texts: {
        remove: {
          id: 'Berkas "{requirement}" tidak dapat dihapus lagi: langkah "{step}" yang memerlukannya sudah dilewati.',
          en: 'The paper "{requirement}" can no longer be removed: the step "{step}" that requires it has been left.',
        },
      },
    },
  },
  'document.not_uploader': {
    status: 403,
    id: 'Berkas ini hanya dapat dihapus oleh yang mengunggahnya ({uploader}).',
    en: 'Only the user who uploaded this file ({uploader}) may remove it.',
  },
  'document.not_current': {
    status: 409,
    id: 'Berkas ini sudah diganti atau dihapus; muat ulang halaman dan pilih berkas yang berlaku.',
    en: 'This file was already replaced or removed; reload the page and pick the current one.',
  },
  'document.type': {
    status: 415,
    id: 'Jenis berkas tidak diterima; gunakan PDF, JPEG atau PNG.',
    en: 'File type not accepted; use PDF, JPEG or PNG.',
  },
  'document.size': {
    status: 413,
    id: 'Ukuran berkas harus antara 1 bita dan 10 MB.',
    en: 'The file must be between 1 byte and 10 MB.',
  },
  'document.corrupt': {
    status: 500,
    id: 'Berkas tersimpan rusak (hash tidak cocok). Hubungi administrator.',
    en: 'The stored file is corrupt (hash mismatch). Contact the administrator.',
  },
  'calendar.no_working_time': {
    status: 409,
    id: 'Kalender kerja unit ini tidak memiliki jam kerja, sehingga batas waktu tidak dapat dihitung. Kepala dinas perlu mengatur jam kantor di menu Kalender.',
    en: 'This unit’s working calendar has no office hours, so no time limit can be computed. The head of office must set the office hours in Calendar.',
  },
  'calendar.not_found': {
    status: 404,
    id: 'Tanggal {date} bukan hari libur unit ini.',
    en: '{date} is not a closed day of this unit.',
  },
  'calendar.clock_fixed': {
    status: 409,
    id: 'Jam server tidak dapat digeser: jam uji tidak aktif. Jam uji (JARING_CLOCK_OFFSET atau JARING_CLOCK_START) hanya untuk demo dan uji penerimaan, di luar mode produksi.',
    en: 'The server clock cannot be moved: no test clock is on. A test clock (JARING_CLOCK_OFFSET or JARING_CLOCK_START) is for demos and acceptance runs, outside production.',
  },
  'complaint.not_found': { status: 404, id: 'Pengaduan tidak ditemukan.', en: 'Complaint not found.' },
  'complaint.challenge_failed': {
    status: 422,
    id: 'Jawaban pertanyaan pengaman salah atau sudah kedaluwarsa. Muat ulang formulir dan jawab lagi.',
    en: 'The answer to the safety question is wrong or expired. Reload the form and answer again.',
  },
  'complaint.step_not_allowed': {
    status: 409,
    id: 'Langkah ini tidak dapat dilakukan pada pengaduan dengan status "{status}".',
    en: 'This step cannot be taken on a complaint whose status is "{status}".',
  },
  'complaint.unknown_channel': {
    status: 422,
    id: 'Saluran "{channel}" tidak disebut standar pelayanan unit ini (yang ada: {allowed}).',
    en: 'The channel "{channel}" is not named by this unit\'s service standards (named: {allowed}).',
  },
  'complaint.unknown_service': {
    status: 422,
    id: 'Layanan "{standard}" tidak ada di unit ini.',
    en: 'The service "{standard}" does not exist in this unit.',
  },
  'complaint.assignee_unknown': {
    status: 422,
    id: 'Petugas yang dipilih tidak ada di unit ini.',
    en: 'The chosen officer is not in this unit.',
  },
  'complaint.transfer_same_unit': {
    status: 422,
    id: 'Pengaduan tidak dapat dialihkan ke unit yang sama.',
    en: 'A complaint cannot be transferred to the unit that holds it.',
  },
  'complaint.transfer_pending': {
    status: 409,
    id: 'Pengaduan ini sedang menunggu jawaban pengalihan dari {unit}.',
    en: 'This complaint is waiting for {unit} to answer its transfer.',
  },
  'complaint.no_transfer': {
    status: 409,
    id: 'Tidak ada pengalihan yang menunggu jawaban unit Anda.',
    en: "No transfer is waiting for your unit's answer.",
  },
  'complaint.too_many_files': {
    status: 422,
    id: 'Lampiran pengaduan paling banyak {max} berkas.',
    en: 'A complaint takes at most {max} attachments.',
  },
  // Open311 GeoReport v2 (`/open311/v2`): the spec's statuses, 403 for a key, 404 for what is
  // not there, 400 for everything else.
  'open311.key_invalid': {
    status: 403,
    id: 'api_key tidak ada, salah atau sudah dicabut: permintaan tidak dapat dibuat.',
    en: "Missing, wrong or revoked api_key: can't create the request.",
  },
  'open311.key_wrong_jurisdiction': {
    status: 403,
    id: 'api_key ini tidak berlaku untuk yurisdiksi "{jurisdiction}".',
    en: 'This api_key is not valid for the jurisdiction "{jurisdiction}".',
  },
  'open311.jurisdiction_missing': {
    status: 400,
    id: 'jurisdiction_id wajib diisi: alamat ini melayani beberapa unit ({units}).',
    en: 'jurisdiction_id is required: this endpoint serves several units ({units}).',
  },
  'open311.jurisdiction_unknown': {
    status: 404,
    id: 'Yurisdiksi "{jurisdiction}" tidak ditemukan.',
    en: 'The jurisdiction "{jurisdiction}" was not found.',
  },
  'open311.service_unknown': {
    status: 404,
    id: 'service_code "{service}" tidak ditemukan di {unit}.',
    en: 'The service_code "{service}" was not found in {unit}.',
  },
  'open311.request_unknown': {
    status: 404,
    id: 'service_request_id {id} tidak ditemukan.',
    en: 'The service_request_id {id} was not found.',
  },
  'open311.token_unknown': {
    status: 404,
    id: 'Token "{token}" tidak ditemukan.',
    en: 'The token "{token}" was not found.',
  },
  'open311.range_reversed': {
    status: 400,
    id: 'end_date ({end}) lebih awal daripada start_date ({start}).',
    en: 'end_date ({end}) is before start_date ({start}).',
  },
  'open311.range_too_long': {
    status: 400,
    id: 'Rentang start_date sampai end_date paling panjang {days} hari.',
    en: 'start_date to end_date may span at most {days} days.',
  },
  'open311.client_not_found': {
    status: 404,
    id: 'Klien Open311 tidak ditemukan di unit ini.',
    en: 'Open311 client not found in this unit.',
  },
  'open311.client_revoked': {
    status: 409,
    id: 'Kunci klien ini sudah dicabut.',
    en: "This client's key has already been revoked.",
  },
  'complaint.stats_range': {
    status: 422,
    id: 'Rentang statistik {from} s.d. {to} tidak dapat dipakai: bulan awal harus sebelum bulan akhir, paling panjang {max} bulan.',
    en: 'The statistics range {from} to {to} cannot be used: the first month must come before the last, at most {max} months.',
  },
  'lapor.import_invalid': {
    status: 422,
    id: 'Berkas LAPOR! tidak dapat diimpor ({count} masalah); tidak ada laporan yang disimpan.',
    en: 'The LAPOR! file cannot be imported ({count} problems); no report was stored.',
    variants: {
      on: 'count',
      texts: {
        1: {
          id: 'Berkas LAPOR! tidak dapat diimpor (1 masalah); tidak ada laporan yang disimpan.',
          en: 'The LAPOR! file cannot be imported (1 problem); no report was stored.',
        },
      },
    },
  },
  'lapor.not_lapor': {
    status: 409,
    id: 'Pengaduan ini tidak masuk melalui SP4N-LAPOR!.',
    en: 'This complaint did not come through SP4N-LAPOR!.',
  },
  'lapor.not_verified': {
    status: 409,
    id: 'Tindak lanjut LAPOR! baru dapat dicatat setelah laporan diverifikasi.',
    en: 'A LAPOR! follow-up can be recorded only once the report is verified.',
  },
  not_found: { status: 404, id: 'Halaman atau data tidak ditemukan.', en: 'Not found.' },
  internal: {
    status: 400,
    id: 'Terjadi kesalahan pada server. Kode permintaan: {requestId}.',
    en: 'Something went wrong on the server. Request id: {requestId}.',
  },
  'request.method_not_allowed': {
    status: 405,
    id: 'Metode permintaan ini tidak diterima di alamat ini.',
    en: 'This request method is not accepted at this address.',
  },
  'request.uri_too_long': {
    status: 414,
    id: 'Alamat permintaan terlalu panjang.',
    en: 'The request address is too long.',
  },
  'request.rejected': {
    status: 400,
    id: 'Permintaan tidak dapat diproses (kode {status}).',
    en: 'The request could not be processed (status {status}).',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalogue, value);
}
