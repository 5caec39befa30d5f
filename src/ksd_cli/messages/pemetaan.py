"""Catalog entries of the Rancangan Pemetaan Potensi (``ksd mapping``) and its Keputusan."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "pemetaan.title": (
        "Rancangan Pemetaan Potensi Kerja Sama Daerah",
        "Draft Mapping of Regional Cooperation Potentials",
    ),
    "pemetaan.tahun": ("Tahun {tahun}", "Year {tahun}"),
    "pemetaan.semua-tahun": ("Sampai dengan tahun {tahun}", "Up to {tahun}"),
    "pemetaan.daerah": ("Daerah", "Region"),
    "pemetaan.keadaan-per": ("Keadaan per", "As of"),
    "pemetaan.sumber": ("Sumber", "Source"),
    "pemetaan.belum": ("belum teridentifikasi", "not yet identified"),
    "pemetaan.matrix": ("Matriks Pemetaan Potensi", "Matrix of potentials"),
    "pemetaan.cakupan": ("Ringkasan cakupan", "Coverage summary"),
    "pemetaan.cakupan.urusan": (
        "Urusan konkuren dengan potensi terpetakan",
        "Concurrent urusan with a mapped potential",
    ),
    "pemetaan.cakupan.potensi": ("Potensi terpetakan", "Potentials mapped"),
    "pemetaan.cakupan.rkpd": ("Potensi yang masuk RKPD", "Potentials in the RKPD"),
    "pemetaan.cakupan.tindak-lanjut": (
        "Potensi yang telah ditindaklanjuti dengan kerja sama",
        "Potentials followed up by a cooperation",
    ),
    "pemetaan.cakupan.temuan": (
        "Potensi prioritas tinggi tanpa tindak lanjut (temuan)",
        "High-priority potentials not followed up (finding)",
    ),
    "pemetaan.dari": ("{part} dari {whole}", "{part} of {whole}"),
    "pemetaan.col.no": ("No.", "No."),
    "pemetaan.col.urusan": ("Urusan", "Urusan"),
    "pemetaan.col.sub_urusan": ("Sub urusan", "Sub-urusan"),
    "pemetaan.col.isu": ("Isu/permasalahan", "Issue/problem"),
    "pemetaan.col.potensi": ("Potensi", "Potential"),
    "pemetaan.col.eksternalitas": ("Eksternalitas lintas daerah", "Cross-regional externality"),
    "pemetaan.col.opd": ("Perangkat daerah", "Regional office (OPD)"),
    "pemetaan.col.mitra": ("Calon mitra", "Candidate partners"),
    "pemetaan.col.jenis": ("Jenis kerja sama", "Kind of cooperation"),
    "pemetaan.col.bentuk": ("Bentuk kerja sama", "Form of cooperation"),
    "pemetaan.col.peran": ("Peran daerah", "Role of the region"),
    "pemetaan.col.prioritas": ("Prioritas", "Priority"),
    "pemetaan.col.rpjmd": ("RPJMD (misi/sasaran)", "RPJMD (mission/target)"),
    "pemetaan.col.program": ("Program", "Programme"),
    "pemetaan.col.rkpd": ("Tahun RKPD", "RKPD year"),
    "pemetaan.col.indikator": ("Indikator", "Indicator"),
    "pemetaan.col.target": ("Target", "Target"),
    "pemetaan.col.anggaran": ("Anggaran indikatif", "Indicative budget"),
    "pemetaan.col.tahun_rencana": ("Tahun rencana", "Planned year"),
    "pemetaan.col.tindak_lanjut": ("Tindak lanjut", "Follow-up"),
    "pemetaan.col.id": ("Kode potensi", "Potential id"),
    "pemetaan.ya": ("Ya", "Yes"),
    "pemetaan.tidak": ("Tidak", "No"),
    "pemetaan.follow": ("{id} ({tahap}, {status})", "{id} ({tahap}, {status})"),
    "pemetaan.follow.named": (
        "dirujuk oleh rekaman kerja sama yang masih bermasalah",
        "named by a cooperation record that has errors",
    ),
    "pemetaan.follow.none": ("Belum ditindaklanjuti", "Not followed up"),
    "pemetaan.follow.finding": (
        "Belum ditindaklanjuti; temuan: potensi tanpa tindak lanjut ({days} hari)",
        "Not followed up; finding: potential without follow-up ({days} days)",
    ),
    "pemetaan.invalid": (
        "Berkas potensi berikut tidak dimuat karena mengandung galat:",
        "These potential files were left out because they have errors:",
    ),
    # The document (docx) ---------------------------------------------------------------------
    "pemetaan.bab.pendahuluan": ("Pendahuluan", "Introduction"),
    "pemetaan.bab.dasar": ("Dasar Hukum", "Legal basis"),
    "pemetaan.bab.metode": ("Metode", "Method"),
    "pemetaan.bab.ringkasan": ("Ringkasan per Urusan", "Summary per urusan"),
    "pemetaan.bab.rkpd": ("Integrasi ke dalam RKPD", "How it enters the RKPD"),
    "pemetaan.text.pendahuluan": (
        "Pemetaan potensi kerja sama daerah merupakan langkah awal kerja sama daerah sebagaimana "
        "diatur dalam Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah. "
        "Dokumen ini memuat rancangan pemetaan potensi kerja sama {daerah} yang disusun dari "
        "data potensi yang diusulkan perangkat daerah, keadaan per {tanggal}.",
        "Mapping cooperation potentials is the first step of regional cooperation under "
        "Government Regulation 28/2018 on Regional Cooperation. This document holds the draft "
        "mapping of the cooperation potentials of {daerah}, built from the potentials proposed "
        "by the regional offices, as of {tanggal}.",
    ),
    "pemetaan.dasar.uu23": (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah "
        "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023",
        "Law 23/2014 on Regional Government, as amended, most recently by Law 6/2023",
    ),
    "pemetaan.dasar.pp28": (
        "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
        "Government Regulation 28/2018 on Regional Cooperation",
    ),
    "pemetaan.dasar.pmdn22": (
        "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah "
        "dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga",
        "Minister of Home Affairs Regulation 22/2020 on the Procedure of Cooperation with Other "
        "Regions and with Third Parties",
    ),
    "pemetaan.text.metode": (
        "Setiap perangkat daerah mengidentifikasi isu atau permasalahan dan potensi pada urusan "
        "yang menjadi kewenangannya, eksternalitas lintas daerah, calon mitra, bentuk kerja sama, "
        "peran daerah dan prioritasnya. Usulan tersebut dihimpun per urusan menurut klasifikasi "
        "urusan pemerintahan konkuren, lalu dibandingkan dengan kerja sama yang telah berjalan "
        "untuk mengetahui tindak lanjutnya.",
        "Each regional office identifies, within its urusan, the issue or problem and the "
        "potential, the cross-regional externality, candidate partners, the form of "
        "cooperation, the role of the region and its priority. The proposals are gathered per "
        "urusan in the order of the classification of concurrent affairs, and compared with "
        "the cooperations under way to see how each was followed up.",
    ),
    "pemetaan.text.cakupan": (
        "Dari {urusan} urusan pemerintahan konkuren, {terpetakan} urusan memiliki potensi kerja "
        "sama yang terpetakan, dengan {potensi} potensi. Sebanyak {rkpd} potensi telah masuk "
        "RKPD dan {tindak} potensi telah ditindaklanjuti dengan kerja sama.",
        "Of {urusan} concurrent urusan, {terpetakan} have a mapped cooperation potential, with "
        "{potensi} potentials in all. {rkpd} potentials are in the RKPD and {tindak} have been "
        "followed up by a cooperation.",
    ),
    "pemetaan.text.temuan": (
        "Sebanyak {count} potensi prioritas tinggi belum ditindaklanjuti melewati ambang batas "
        "dan menjadi temuan evaluasi.",
        "{count} high-priority potentials have not been followed up past the threshold and are "
        "a finding of the evaluation.",
    ),
    "pemetaan.text.urusan": (
        "Urusan {nama}: {count} potensi ({ids}); {tindak} telah ditindaklanjuti.",
        "Urusan {nama}: {count} potentials ({ids}); {tindak} followed up.",
    ),
    "pemetaan.text.urusan-kosong": (
        "Urusan lain ({count} urusan) belum memiliki potensi yang teridentifikasi.",
        "The other urusan ({count}) have no identified potential yet.",
    ),
    "pemetaan.text.rkpd": (
        "Potensi yang telah ditetapkan diintegrasikan ke dalam RKPD melalui program perangkat "
        "daerah pengampu. Potensi yang belum masuk RKPD ({count} potensi) diusulkan dalam "
        "penyusunan RKPD tahun berikutnya beserta indikator, target dan anggaran indikatifnya.",
        "Adopted potentials enter the RKPD through the programme of the responsible office. "
        "Potentials not yet in the RKPD ({count}) are proposed when next year's RKPD is drafted, "
        "with their indicator, target and indicative budget.",
    ),
    "pemetaan.text.lampiran": (
        "Matriks pemetaan potensi selengkapnya tercantum dalam Lampiran.",
        "The full matrix of potentials is in the Annex.",
    ),
    # The draft Keputusan --------------------------------------------------------------------
    "pemetaan.kep.rancangan": ("RANCANGAN", "DRAFT"),
    "pemetaan.kep.keputusan": ("KEPUTUSAN {jabatan}", "DECREE OF THE {jabatan}"),
    "pemetaan.kep.nomor": ("NOMOR ....... TAHUN {tahun}", "NUMBER ....... OF {tahun}"),
    "pemetaan.kep.tentang": ("TENTANG", "ON"),
    "pemetaan.kep.judul": (
        "PEMETAAN POTENSI KERJA SAMA DAERAH {daerah} TAHUN {tahun}",
        "THE MAPPING OF COOPERATION POTENTIALS OF {daerah} FOR {tahun}",
    ),
    "pemetaan.kep.rahmat": (
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "BY THE GRACE OF GOD ALMIGHTY",
    ),
    "pemetaan.kep.menimbang": ("Menimbang", "Considering"),
    "pemetaan.kep.mengingat": ("Mengingat", "Having regard to"),
    "pemetaan.kep.memutuskan": ("MEMUTUSKAN:", "HAS DECIDED:"),
    "pemetaan.kep.menetapkan": ("Menetapkan", "To enact"),
    "pemetaan.kep.menimbang.a": (
        "bahwa untuk meningkatkan kesejahteraan masyarakat dan efisiensi pelayanan publik, "
        "daerah dapat melaksanakan kerja sama yang didasarkan pada pertimbangan efisiensi dan "
        "efektivitas pelayanan publik serta saling menguntungkan;",
        "that to improve the welfare of the people and the efficiency of public services, the "
        "region may cooperate on the grounds of efficient and effective public service and "
        "mutual benefit;",
    ),
    "pemetaan.kep.menimbang.b": (
        "bahwa kerja sama daerah diawali dengan pemetaan potensi kerja sama daerah sebagaimana "
        "dimaksud dalam Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020;",
        "that regional cooperation starts with the mapping of cooperation potentials under "
        "Minister of Home Affairs Regulation 22/2020;",
    ),
    "pemetaan.kep.menimbang.c": (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Keputusan {jabatan} tentang Pemetaan Potensi Kerja Sama Daerah;",
        "that on the grounds in points a and b, a Decree of the {jabatan} on the Mapping of "
        "Cooperation Potentials is needed;",
    ),
    "pemetaan.kep.kesatu": (
        "Menetapkan Pemetaan Potensi Kerja Sama Daerah {daerah} Tahun {tahun} sebagaimana "
        "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "The Mapping of Cooperation Potentials of {daerah} for {tahun} is enacted as set out in "
        "the Annex, which is an integral part of this Decree.",
    ),
    "pemetaan.kep.kedua": (
        "Pemetaan Potensi sebagaimana dimaksud dalam Diktum KESATU menjadi acuan perangkat "
        "daerah dalam menyusun rencana kerja sama daerah dan diintegrasikan ke dalam RKPD.",
        "The mapping in the FIRST dictum guides the regional offices in planning cooperation "
        "and is integrated into the RKPD.",
    ),
    "pemetaan.kep.ketiga": (
        "Tim Koordinasi Kerja Sama Daerah melaksanakan pemantauan dan evaluasi atas tindak "
        "lanjut Pemetaan Potensi sebagaimana dimaksud dalam Diktum KESATU.",
        "The Regional Cooperation Coordination Team monitors and evaluates the follow-up of "
        "the mapping in the FIRST dictum.",
    ),
    "pemetaan.kep.keempat": (
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "This Decree comes into force on the day it is enacted.",
    ),
    "pemetaan.kep.diktum": (
        "KESATU|KEDUA|KETIGA|KEEMPAT",
        "FIRST|SECOND|THIRD|FOURTH",
    ),
    "pemetaan.kep.ditetapkan": (
        "Ditetapkan di ....................\npada tanggal ....................",
        "Enacted at ....................\non ....................",
    ),
    "pemetaan.kep.lampiran": (
        "LAMPIRAN KEPUTUSAN {jabatan}\nNOMOR ....... TAHUN {tahun}\nTENTANG PEMETAAN POTENSI "
        "KERJA SAMA DAERAH",
        "ANNEX TO THE DECREE OF THE {jabatan}\nNUMBER ....... OF {tahun}\nON THE MAPPING OF "
        "COOPERATION POTENTIALS",
    ),
    "pemetaan.invalid-stderr": (
        "{count} berkas potensi tidak dimuat karena galat; jalankan ksd validate",
        "{count} potential files left out for errors; run ksd validate",
    ),
    "pemetaan.halaman": ("Halaman &P dari &N", "Page &P of &N"),
    "pemetaan.kepala-daerah": ("Kepala Daerah", "Head of Region"),
}
