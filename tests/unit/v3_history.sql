PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE task_group (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT NOT NULL UNIQUE,
    position  INTEGER NOT NULL
);
INSERT INTO task_group VALUES(1,'Hạ tầng số',1);
INSERT INTO task_group VALUES(2,'Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu',2);
INSERT INTO task_group VALUES(3,'Nâng cao năng lực số cho cán bộ, công chức, viên chức',3);
INSERT INTO task_group VALUES(4,'Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số',4);
CREATE TABLE unit (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT NOT NULL UNIQUE
);
INSERT INTO unit VALUES(1,'Sở Khoa học và Công nghệ');
INSERT INTO unit VALUES(2,'Sở Nội vụ');
INSERT INTO unit VALUES(3,'Sở Tài chính');
INSERT INTO unit VALUES(4,'Trung tâm Tích hợp dữ liệu tỉnh');
INSERT INTO unit VALUES(5,'Ban Tuyên giáo và Dân vận Tỉnh ủy');
INSERT INTO unit VALUES(6,'Ban Tổ chức Tỉnh ủy');
CREATE TABLE leader (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT NOT NULL,
    title    TEXT,
    unit_id  INTEGER REFERENCES unit(id)
);
INSERT INTO leader VALUES(1,'Nguyễn Văn An',NULL,1);
INSERT INTO leader VALUES(2,'Trần Thị Bình',NULL,2);
INSERT INTO leader VALUES(3,'Lê Hoàng Cường',NULL,3);
INSERT INTO leader VALUES(4,'Phạm Thu Dung',NULL,4);
INSERT INTO leader VALUES(5,'Hoàng Minh Đức',NULL,5);
INSERT INTO leader VALUES(6,'Vũ Thị Hạnh',NULL,6);
INSERT INTO leader VALUES(7,'Lê Văn Bình','Phó Chủ tịch',2);
CREATE TABLE source (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT,
    issued  TEXT
);
INSERT INTO source VALUES(1,'97-CTr/TU','Chương trình hành động thực hiện Nghị quyết 57-NQ/TW',NULL);
INSERT INTO source VALUES(2,'KH 726/KH-UBND','Kế hoạch triển khai Nghị quyết 57-NQ/TW',NULL);
INSERT INTO source VALUES(3,'TB 45-TB/TW','Thông báo kết luận của Ban Chỉ đạo Trung ương',NULL);
INSERT INTO source VALUES(4,'57-NQ/TW','Nghị quyết 57','2024-12-22');
CREATE TABLE task (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    notes       TEXT,
    product     TEXT,
    result      TEXT,
    group_id    INTEGER REFERENCES task_group(id),
    leader_id   INTEGER REFERENCES leader(id),
    unit_id     INTEGER REFERENCES unit(id),
    source_id   INTEGER REFERENCES source(id),
    year        INTEGER,
    due         TEXT,
    first_due   TEXT,
    extensions  INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'cancelled')),
    closed      TEXT,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
INSERT INTO task VALUES(1,'29d3c7de-17fd-46bc-b67a-3752d77ee10b','Nâng cấp hệ thống quản lý văn bản và điều hành',NULL,'Hệ thống vận hành','Dừng',1,1,1,4,2026,'2025-06-30','2025-04-15',1,'open',NULL,'2025-03-01','2025-06-03T13:47:42+07:00');
INSERT INTO task VALUES(2,'3fff9efe-763c-4672-ba83-4125c27fd3a7','Số hóa hồ sơ',NULL,'Trợ lý ảo AI','Xong',2,1,1,1,2025,'2025-02-17','2025-02-17',0,'done','2025-03-07','2025-03-01','2025-03-07T13:47:42+07:00');
INSERT INTO task VALUES(4,'15ae5e94-4450-434f-a77d-4f13cc75bac8','Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định','ghi chú','Báo cáo vận hành',NULL,1,4,4,1,2025,'2025-12-31','2025-06-29',1,'open',NULL,'2025-03-01','2025-06-15T13:47:48+07:00');
INSERT INTO task VALUES(5,'6d5a9c6e-7fe5-4ba7-8e98-f19cb53184dc','Kết nối đường truyền giữa hai trung tâm dữ liệu',NULL,'Đường truyền kết nối',NULL,1,4,4,1,2025,'2025-02-09','2025-02-09',0,'done','2025-02-24','2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(6,'a9a68e05-a2eb-4a34-8cea-c88eb9f52a19','Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật',NULL,'Hệ thống văn bản điện tử',NULL,1,1,1,3,2025,'2025-04-10','2025-03-11',1,'open',NULL,'2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(7,'dda733f6-e70a-40da-9b41-579b481a55ac','Hoàn thiện đề án Khu công nghệ thông tin tập trung Long Thành',NULL,'Đề án được phê duyệt',NULL,2,3,3,2,2025,'2025-02-26','2025-02-26',0,'open',NULL,'2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(8,'d0046374-82b4-4e17-8641-1fbf6f255185','Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an',NULL,'Lớp tập huấn',NULL,3,2,2,1,2024,'2024-12-31','2024-12-31',0,'done','2024-12-30','2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(9,'a4a8db3f-d27c-40f1-af39-7b8bea877d4c','Đào tạo 24 giảng viên, nhà khoa học về thiết kế vi mạch bán dẫn',NULL,'24 người được đào tạo',NULL,3,6,6,3,2025,'2025-09-17','2025-09-17',0,'open',NULL,'2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(10,'a9d884e4-8f4f-4c60-adaa-150f4a14f80a','Xây dựng kế hoạch đào tạo, thu hút nhân lực chuyển đổi số',NULL,'Kế hoạch',NULL,3,2,2,3,2025,'2025-03-31','2025-03-31',0,'open',NULL,'2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(11,'7a0fda7f-c396-41d9-99a1-64379571905a','Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường',NULL,'Danh mục nhiệm vụ',NULL,4,6,6,2,2025,'2025-02-28','2025-02-28',0,'done','2025-02-27','2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(12,'f4598696-d4d3-4ac7-b6c9-0fd9b4bbe107','Cập nhật đầy đủ dữ liệu Trung tâm điều hành đô thị thông minh (IOC)',NULL,'Dữ liệu IOC',NULL,2,4,4,1,2025,'2025-01-30','2025-01-30',0,'open',NULL,'2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(13,'7a94af3e-a49f-4777-ada7-0ee171a0d167','Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI',NULL,'Hội nghị','Gộp vào nhiệm vụ khác',4,5,5,1,2025,'2025-03-16','2025-03-16',0,'cancelled','2025-03-01','2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(14,'cc328ce1-9c39-4d6d-bf98-63170e988633','Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',NULL,'Kho dữ liệu số hóa',NULL,4,3,3,1,2024,'2024-12-01','2024-12-01',0,'done','2024-12-21','2025-03-01','2025-03-01T13:47:42+07:00');
INSERT INTO task VALUES(16,'8ecf01b2-d4e9-487d-a6b4-060ebc58fc44','Tạm',NULL,NULL,NULL,NULL,NULL,NULL,NULL,2025,NULL,NULL,0,'open',NULL,'2025-03-11','2025-03-11T13:47:42+07:00');
CREATE TABLE task_unit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id  INTEGER NOT NULL REFERENCES task(id),
    unit_id  INTEGER NOT NULL REFERENCES unit(id),
    UNIQUE (task_id, unit_id)
);
INSERT INTO task_unit VALUES(1,1,3);
INSERT INTO task_unit VALUES(2,5,1);
INSERT INTO task_unit VALUES(3,7,1);
INSERT INTO task_unit VALUES(4,9,3);
INSERT INTO task_unit VALUES(5,10,3);
CREATE TABLE reminder (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id      INTEGER REFERENCES unit(id),
    leader_id    INTEGER REFERENCES leader(id),
    issued       TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    within_days  INTEGER NOT NULL,
    lang         TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
    CHECK ((unit_id IS NULL) <> (leader_id IS NULL))
);
INSERT INTO reminder VALUES(1,1,NULL,'2025-06-10','2025-06-10',30,'vi');
INSERT INTO reminder VALUES(2,2,NULL,'2025-06-10','2025-06-10',30,'vi');
INSERT INTO reminder VALUES(3,3,NULL,'2025-06-10','2025-06-10',30,'vi');
INSERT INTO reminder VALUES(4,4,NULL,'2025-06-10','2025-06-10',30,'vi');
CREATE TABLE reminder_task (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    reminder_id  INTEGER NOT NULL REFERENCES reminder(id),
    task_id      INTEGER NOT NULL REFERENCES task(id),
    due          TEXT NOT NULL,
    days_late    INTEGER NOT NULL,
    UNIQUE (reminder_id, task_id)
);
INSERT INTO reminder_task VALUES(1,1,6,'2025-04-10',61);
INSERT INTO reminder_task VALUES(2,1,1,'2025-06-30',-20);
INSERT INTO reminder_task VALUES(3,2,10,'2025-03-31',71);
INSERT INTO reminder_task VALUES(5,3,7,'2025-02-26',104);
INSERT INTO reminder_task VALUES(6,4,12,'2025-01-30',131);
INSERT INTO reminder_task VALUES(7,4,4,'2025-06-29',-19);
CREATE TABLE task_search (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER,
    leader_id  INTEGER,
    unit_id    INTEGER,
    source_id  INTEGER,
    year       INTEGER,
    status     TEXT NOT NULL,
    due_key    TEXT NOT NULL,
    title_key  TEXT NOT NULL,
    body       TEXT NOT NULL
);
INSERT INTO task_search VALUES(1,1,1,1,4,2026,'open','2025-06-30','YJYRLJ]SPaS[YR^bHYWgdIYKHYdHNTPbSHYS!!!!!%!!&!!%!!!!#!!%!!!!#!!"!!"!!"!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' nang cap he thong quan ly van ban va dieu hanh ');
INSERT INTO task_search VALUES(2,2,1,1,1,2025,'done','2025-02-17','`[SZHS[`\!%!%!!"!!"!!!!!!!!',' so hoa ho so ');
INSERT INTO task_search VALUES(4,1,4,4,1,2025,'open','2025-12-31','Mbga_Ta_bYRaJXaTLSS\]McWTPbaTYSSZHaN[YR[YNTYS!!!!!"!!!!!!!!!%!!!&!!$!!&!!#!!!!&!!&!!#!!&!!"!!!!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' duy tri trung tam tich hop du lieu tinh hoat dong on dinh ghi chu ');
INSERT INTO task_search VALUES(5,1,4,4,1,2025,'done','2025-02-09','VPaY[TNc\YRa_bgPYRTcHSHTa_bYRaJXMcWTPb!%!!%!!!"!!!!!!"!!!$!!!!!!!!!!!!!$!!&!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' ket noi duong truyen giua hai trung tam du lieu ');
INSERT INTO task_search VALUES(6,1,1,1,3,2025,'open','2025-04-10','a_TPYVSHTSPaS[YRdIYKHYNTPYacLSZdIYKHYaSc\YRdHdIYKHYXJa!!!#!!!!!!&!!%!!!!!!#!!!&!!#!!!!!!!#!!!!"!!!"!!!!#!!&!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' trien khai he thong van ban dien tu cho van ban thuong va van ban mat ');
INSERT INTO task_search VALUES(7,2,3,3,2,2025,'open','2025-02-26','SZHYaSTPYNPHYVSbL[YRYRSPaS[YRaTYaJ]a_bYRWZYRaSHYS!!"!!!!&!!"%!!!!!!!!!!!&!!!!!!!!!&!!!!!!!!!!!!"!!"!!!!!!!!!!!!"!!!!!!!!!!!!!!!!!!!!!!!!!!"!!!"!!!!',' hoan thien de an khu cong nghe thong tin tap trung long thanh ');
INSERT INTO task_search VALUES(8,3,2,2,1,2024,'done','2024-12-31','X\W\]VgYIYRHTLSZLHYK[L[YRLScLdHWcLWc\YRL[YRHY!#!%!!$!!!!!!!!!!%!!&!!!!!!%!!"!&!!!&!!!!!!!!"!!!!!!!!!!""!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' mo lop ky nang ai cho can bo cong chuc va luc luong cong an ');
INSERT INTO task_search VALUES(9,3,6,6,3,2025,'open','2025-09-17','NHZaHZ24RTHYRdTPYYSHVSZHSZLdPaSTPaVPdTXHLSKHYMJY!"!!&!!!#!!!!!!!!"!!!!!&!!"!!!%!!%!!!&!!!%!!$!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' dao tao 24 giang vien nha khoa hoc ve thiet ke vi mach ban dan ');
INSERT INTO task_search VALUES(10,3,2,2,3,2025,'open','2025-03-31','fJgMcYRVPSZHLSNHZaHZaSbSbaYSJYWcLLSbgPYN[T`[!!!!&!!!%!!&!!!"!!&!!!!!%!!!!!!&!!!!!#!!#!!%"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' xay dung ke hoach dao tao thu hut nhan luc chuyen doi so ');
INSERT INTO task_search VALUES(11,4,6,6,2,2025,'done','2025-02-28','_H`ZHaWJ]MHYSXbLYSTPXdb]SJYLJ]LSZLJ]fH]Sc\YR!"!!%!!&!!!!!!&!!!!&!!&!!!!!%!!!!!%!!$!!!"!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' ra soat lap danh muc nhiem vu phan cap cho cap xa phuong ');
INSERT INTO task_search VALUES(12,2,4,4,1,2025,'open','2025-01-30','LJ]YSJaNJgNbMcWTPba_bYRaJXNTPbSHYSN[aSTaS[YRXTYSTZL!&!!!&!!"!!#!$!!&!!!!!!!!!!!"!!"!!!!!!&!!!!!!!!!!!!"!!!!!!!!!!!!!!!!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"""',' cap nhat day du du lieu trung tam dieu hanh do thi thong minh ioc ');
INSERT INTO task_search VALUES(13,4,5,5,1,2025,'cancelled','2025-03-16','a[LScLS[TYRST]S[KTPYVTPYaScLVgYIYRcYRMbYRHT!#!!%!!&!!!!&!!#!!%!!!%!!!%!!$!!!!%!!!&!!!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""',' to chuc hoi nghi pho bien kien thuc ky nang ung dung ai ');
INSERT INTO task_search VALUES(14,4,3,3,1,2024,'done','2024-12-01','`[SZHS[`\VPa^bHRTHT^bgPaaSbabLSHYSLSTYS!%!%!!"!!!%!!!#!!#!!!!%!!!#!&!!"!!!!%!!"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',' so hoa ho so ket qua giai quyet thu tuc hanh chinh ');
INSERT INTO task_search VALUES(16,NULL,NULL,NULL,NULL,2025,'open','9999-12-31','aHX!&!"!!',' tam ');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','task_search_fts','task_search_fts',0,'CREATE VIRTUAL TABLE task_search_fts USING fts5(body, content=''task_search'',
    content_rowid=''id'', detail=''none'', columnsize=0, prefix=''3 4 5 6'')');
CREATE TABLE IF NOT EXISTS 'task_search_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO task_search_fts_data VALUES(1,X'0e8126');
INSERT INTO task_search_fts_data VALUES(10,X'00000000020c1b000c1101010101010201010301010401010501010601010701010801010901010a01010b01010000');
INSERT INTO task_search_fts_data VALUES(137438953473,X'00000011043074616d1000043174616d100406');
INSERT INTO task_search_fts_data VALUES(274877906945,X'000000b9043062616e03000103636170030002036f6e670300010364616e030002036f6e670300010468616e6803000204756f6e67030001046e67686503000102736f03000102746f030001027861030000043162616e03000103636170030002026f6e0300010364616e030002026f6e0300010368616e03000202756f030001036e67680300000532636f6e6703000104646f6e670300010468616e6803000203756f6e030001046e676865030000063368756f6e67030004070707070708080806060608070607060706070908080708');
INSERT INTO task_search_fts_data VALUES(412316860417,X'000000a0043062616e0301036361700302036f6e6703010364616e0302036f6e6703010468616e68030204756f6e670301046e676865030102736f030102746f03010278610300043162616e0301036361700302026f6e03010364616e0302026f6e03010368616e030202756f0301036e676803000532636f6e67030104646f6e6703010468616e68030203756f6e0301046e6768650300063368756f6e670304060606060607070705050507060506050605060807070607');
INSERT INTO task_search_fts_data VALUES(549755813889,X'000000b9043062616e03000103636170030002036f6e670300010364616e030002036f6e670300010468616e6803000204756f6e67030001046e67686503000102736f03000102746f030001027861030000043162616e03000103636170030002026f6e0300010364616e030002026f6e0300010368616e03000202756f030001036e67680300000532636f6e6703000104646f6e670300010468616e6803000203756f6e030001046e676865030000063368756f6e67030004070707070708080806060608070607060706070908080708');
INSERT INTO task_search_fts_data VALUES(687194767361,X'00000114043063687504010464696e6804000002036f6e670400000201750400000301790400000103676869040104686f617404000003017004000001046c69657504000001026f6e040000010374616d040000020369636804000003026e68040000020272690400000303756e6704000000043163687504010364696e04000002026f6e040000020275790400000103676869040103686f6104000003017004000001036c6965040000010374616d0400000202696304000003016e0400000202726904000003017504000000053264696e6804000002036f6e670400000104686f617404000001046c69657504000001047469636804000003026e68040000020372756e0400000006337472756e6704000004060908060606090609070808070708070807070608060808070607060a080909090708');
INSERT INTO task_search_fts_data VALUES(824633720833,X'000002400330616914010362616e1102016f14010363616e1403017011020202686f1301030175120104646965751102036f6e67120201751203036f6e671201036768691202036975611201036861691203026e68110201651102036f616e14020375616e1401036b6574120201791401046c696575120201791101046e616e67110302046869656d1302026f691201047068616e130304756f6e671301047175616e1101027261130104736f61741303016d14010374616d1203017014020468616e681403036f6e6711020472756e6712040379656e12010376616e1102017513010278611300043162616e11010363616e1403017011020202686f13010301751201036469651102026f6e120202756f12010367686912020269751201036861691203016e1102026f6114020275611401036b65741201036c69651201036e616e1103020268691302026f6912010370686113030175130103717561110103736f611303016d14010374616d1203017014020268611403016f110202727512010376616e11000532646965751102036f6e67120203756f6e1201046769756112010468616e681102036f616e14020375616e1401046c6965751201046e616e67110302036869651301047068616e130302756f1301047175616e110104736f61741301047468616e1403026f6e11020372756e120401791200063364756f6e671201056e6869656d1301057068756f6e1301057468616e681403036f6e6711020472756e671204027965120007347068756f6e6713010674727579656e120405060406050604070604060606060504060606040704080705070707050704060407060706060405070605060406050506050604050506060705050604060604060405040506080606070706060708060705070707050604090808080607050a');
INSERT INTO task_search_fts_data VALUES(962072674305,X'000000b00330616914000102626f1400010363616e14000202686f14000104686f616e1400020375616e140001026b79140001046e616e6714000103736f6d140001037461701400020468616e68140000043163616e14000202686f14000103686f61140002027561140001036e616e14000103736f6d140001037461701400020268611400000532686f616e1400020375616e140001046e616e67140001047468616e14000006337468616e681400040606070608070608070708080607060707070609070808');
INSERT INTO task_search_fts_data VALUES(1099511627777,X'000000a9043063617013000202686f130001056e6869656d130001047068616e13000304756f6e6713000102726113000104736f6174130001027675130001027861130000043163617013000202686f130001036e686913000103706861130003017513000103736f6113000005326e686965130001047068616e13000302756f13000104736f617413000006336e6869656d130001057068756f6e13000007347068756f6e67130004070609080806080606080607070507090806080a09');
INSERT INTO task_search_fts_data VALUES(1236950581249,X'000000fc043063687512000104646f6e671200020175120003036f6e67120001036768691200020369756112000103686169120001036b6574120001046c696575120001036e6f691200010374616d1200020472756e671200040379656e120000043163687512000103646f6e12000202756f1200010367686912000202697512000103686169120001036b6574120001036c6965120001036e6f691200010374616d1200020272751200000532646f6e6712000203756f6e1200010467697561120001046c696575120001047472756e1200040179120000063364756f6e67120001057472756e67120004027965120000073474727579656e1200040708050707070707080707080708070607060707070707060907080808050a0906');
INSERT INTO task_search_fts_data VALUES(1374389534721,X'000000b9043062616e1100010363617011000104646965751100010468616e681100020165110001026c79110001046e616e67110001047175616e1100010574686f6e671100010376616e110000043162616e11000103636170110001036469651100010368616e110001036e616e110001037175611100010374686f1100010376616e1100000532646965751100010468616e68110001046e616e67110001047175616e1100010474686f6e110000063374686f6e671100040707080805060808090708070707070707070908080808');
INSERT INTO task_search_fts_data VALUES(1511828488193,X'000000ef0530d8a7d9be0f000209aed8afd985d8a7d8aa0f000108d986d8b8d8a7d9850f00010cda88db8cd8acdb8cd9b9d9840f000203a9db8c0f00020dafd8b1db8cda88db8cd8b4d9860f00000731d8aed8afd9850f000106d986d8b8d8a70f000106da88db8cd8ac0f000205afd8b1db8c0f00000932d8aed8afd985d8a70f000108d986d8b8d8a7d9850f000108da88db8cd8acdb8c0f000207afd8b1db8cda880f00000b33d8aed8afd985d8a7d8aa0f00010ada88db8cd8acdb8cd9b90f000209afd8b1db8cda88db8c0f00000d34da88db8cd8acdb8cd9b9d9840f00020bafd8b1db8cda88db8cd8b40f0004080d0c1007110b0a0a090d0c0c0b0f0e0d11');
INSERT INTO task_search_fts_data VALUES(2336462209025,X'0000069d033032340901026169080502016e0701010362616e01020303020369656e0d02016f08010363616e0803017001020801020468696e680e03016f060203030275630805040379656e0a02036f6e67030401010364616e03060401680b03016f09010301790c02016507020369656e06040175010b03026e680402016f0c0301690a03026e67030102017504010703026e670a0303036f6e6705030179040104676961690e04026e6709030275610501036861690503026e6801020902020165010502016f020c030161020c040263680a04016e0704017404030163090301690d030170040204756f6e67030301740a0103696f630c01026b650901030174050902036861690603026f610903017507020369656e0d020179080501036c61700b020369657504010702036f6e67070301700802027563080203036f6e67080201790101046d61636809030174060203696e680c02016f08020275630b01046e616e67010705020367686503040401690d020268610904016e0a0401740c030369656d0b02026f690501026f6e0401047068616e0b03016f0d0304756f6e670b01037175610e04016e0103037965740e010272610b0102736f02010704030261740b010374616d04010703016f090103017007020468616e68070301690c0402656e070501740903036f6e67010501050301750a040401630d04036f6e670602036963680403016e070401680402016f030a02027269040402656e060303756e6704010205040379656e05020175060301630e0103756e670d0102766101050203016e010502016509020169090302656e090201750b0102786103080301790a0104d8a7d9be0f0209aed8afd985d8a7d8aa0f0108d986d8b8d8a7d9850f010cda88db8cd8acdb8cd9b9d9840f0203a9db8c0f020dafd8b1db8cda88db8cd8b4d9860f00043162616e01020303020269650d010363616e0803017001020801020268690e03016f06020303017508020302026f6e030401010364616e03060203016f09010301790c0202696501050603016e0402026f690a03016e03010202756e0a0303016f0503017904010367696109050301750501036861690503016e0102090202026f610202030304030163090301690d030170040202756f030301740a0103696f630c01036b65740509020268610603016f0903017507020269650d01036c61700b0202696504010702026f6e070301700802027563080203016f0801036d616309030174060202696e0c020275630b01036e616e01070502026768030406020268610901020301690b02026f690501037068610b03016f0d0301750b0103717561010d0301790e0103736f610b010374616d04010703016f090103017007020268610703016907020303016f0105010503017506040301020269630403016e040302027269040203017504010205020275630e0103756e670d010376616e0105020269650901037861790a0106d8aed8afd9850f0106d986d8b8d8a70f0106da88db8cd8ac0f0205afd8b1db8c0f0005326269656e0d01046368696e0e0302756308050401790a02036f6e67030401010464616e680b020369656e06040175010b03026e680402036f6e6703010203756e670a0303026f6e050104676961690e04016e090302756105010468616e680102090202036f61630a04016e07040174040203756f6e0301046b6861690603026f6109020369656e0d01046c69657504010702036f6e67070203756f6e0801046d616368090203696e680c01046e616e67010705020367686503040401690d020368616e0a0401740c030269650b01047068616e0b0302756f0b01047175616e01030279650e0104736f61740b01047468616e0703026965070203026f6e01050105030275630d04016f0602036963680403026e68040203726965060302756e040102050401790501047669656e090108d8aed8afd985d8a70f0108d986d8b8d8a7d9850f0108da88db8cd8acdb8c0f0207afd8b1db8cda880f0006336368696e680e03037579650a010564756f6e670501056769616e67090105686f6163680a0204756f6e670301056c756f6e670801056e6869656d0b01057068756f6e0b010571757965740e01057468616e6807030369656e070501740903036f6e67010501050303756f6e0602047269656e060303756e67040102050402796505010ad8aed8afd985d8a7d8aa0f010ada88db8cd8acdb8cd9b90f0209afd8b1db8cda88db8c0f00073463687579656e0a01067068756f6e670b01067468756f6e67060205727579656e05010cda88db8cd8acdb8cd9b9d9840f020bafd8b1db8cda88db8cd8b40f0405060509060406070706060608070405040406050504040606060604070505060805050505040404040407040606050605040605060806040606040704060405090704050404060505070407060406050805080504070405040905040606040405050509060404060705040405040604070c0b0f06100a05060705060607080504070405050604040704060709040404050406070504040506070504060406040505080707040506040407040608050405060707050506070506070506090909080807060408070605050707050704050a060404060705060906060706090704060405070507050707060805040605060804070b0b0b0a0906080808070808080808060409060709050d0d0c0a0909080f');
CREATE TABLE IF NOT EXISTS 'task_search_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO task_search_fts_idx VALUES(1,X'',2);
INSERT INTO task_search_fts_idx VALUES(2,X'',2);
INSERT INTO task_search_fts_idx VALUES(3,X'',2);
INSERT INTO task_search_fts_idx VALUES(4,X'',2);
INSERT INTO task_search_fts_idx VALUES(5,X'',2);
INSERT INTO task_search_fts_idx VALUES(6,X'',2);
INSERT INTO task_search_fts_idx VALUES(7,X'',2);
INSERT INTO task_search_fts_idx VALUES(8,X'',2);
INSERT INTO task_search_fts_idx VALUES(9,X'',2);
INSERT INTO task_search_fts_idx VALUES(10,X'',2);
INSERT INTO task_search_fts_idx VALUES(11,X'',2);
INSERT INTO task_search_fts_idx VALUES(17,X'',2);
CREATE TABLE IF NOT EXISTS 'task_search_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO task_search_fts_config VALUES('version',4);
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    writes  INTEGER NOT NULL,
    seen    INTEGER NOT NULL
);
INSERT INTO search_state VALUES(1,50,50);
CREATE TABLE entry (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    day      TEXT NOT NULL,
    actor    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    kind     TEXT NOT NULL DEFAULT 'do'
             CHECK (kind IN ('do', 'undo', 'redo', 'init')),
    target   INTEGER REFERENCES entry(seq),
    undone   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO entry VALUES(1,'2025-03-01T13:47:42+07:00','2025-03-01','an','create the database','init',NULL,0);
INSERT INTO entry VALUES(2,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #1: Sở Khoa học và Công nghệ','do',NULL,0);
INSERT INTO entry VALUES(3,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #1: Nguyễn Văn An','do',NULL,0);
INSERT INTO entry VALUES(4,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #2: Sở Nội vụ','do',NULL,0);
INSERT INTO entry VALUES(5,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #2: Trần Thị Bình','do',NULL,0);
INSERT INTO entry VALUES(6,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #3: Sở Tài chính','do',NULL,0);
INSERT INTO entry VALUES(7,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #3: Lê Hoàng Cường','do',NULL,0);
INSERT INTO entry VALUES(8,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #4: Trung tâm Tích hợp dữ liệu tỉnh','do',NULL,0);
INSERT INTO entry VALUES(9,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #4: Phạm Thu Dung','do',NULL,0);
INSERT INTO entry VALUES(10,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #5: Ban Tuyên giáo và Dân vận Tỉnh ủy','do',NULL,0);
INSERT INTO entry VALUES(11,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #5: Hoàng Minh Đức','do',NULL,0);
INSERT INTO entry VALUES(12,'2025-03-01T13:47:42+07:00','2025-03-01','an','add unit #6: Ban Tổ chức Tỉnh ủy','do',NULL,0);
INSERT INTO entry VALUES(13,'2025-03-01T13:47:42+07:00','2025-03-01','an','add leader #6: Vũ Thị Hạnh','do',NULL,0);
INSERT INTO entry VALUES(14,'2025-03-01T13:47:42+07:00','2025-03-01','an','add source #1: 97-CTr/TU','do',NULL,0);
INSERT INTO entry VALUES(15,'2025-03-01T13:47:42+07:00','2025-03-01','an','add source #2: KH 726/KH-UBND','do',NULL,0);
INSERT INTO entry VALUES(16,'2025-03-01T13:47:42+07:00','2025-03-01','an','add source #3: TB 45-TB/TW','do',NULL,0);
INSERT INTO entry VALUES(17,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #1: Nâng cấp hệ thống quản lý văn bản và điều hành','do',NULL,0);
INSERT INTO entry VALUES(18,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #2: Triển khai giải pháp AI hỗ trợ thủ tục hành chính về đầu tư, xây dựng','do',NULL,0);
INSERT INTO entry VALUES(19,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #3: Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã','do',NULL,0);
INSERT INTO entry VALUES(20,'2025-03-01T13:47:42+07:00','2025-03-01','an','close #3 on 15/01/2025','do',NULL,0);
INSERT INTO entry VALUES(21,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #4: Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định','do',NULL,0);
INSERT INTO entry VALUES(22,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #5: Kết nối đường truyền giữa hai trung tâm dữ liệu','do',NULL,0);
INSERT INTO entry VALUES(23,'2025-03-01T13:47:42+07:00','2025-03-01','an','close #5 on 24/02/2025','do',NULL,0);
INSERT INTO entry VALUES(24,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #6: Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật','do',NULL,0);
INSERT INTO entry VALUES(25,'2025-03-01T13:47:42+07:00','2025-03-01','an','deadline of #6 to 10/04/2025','do',NULL,0);
INSERT INTO entry VALUES(26,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #7: Hoàn thiện đề án Khu công nghệ thông tin tập trung Long Thành','do',NULL,0);
INSERT INTO entry VALUES(27,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #8: Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an','do',NULL,0);
INSERT INTO entry VALUES(28,'2025-03-01T13:47:42+07:00','2025-03-01','an','close #8 on 30/12/2024','do',NULL,0);
INSERT INTO entry VALUES(29,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #9: Đào tạo 24 giảng viên, nhà khoa học về thiết kế vi mạch bán dẫn','do',NULL,0);
INSERT INTO entry VALUES(30,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #10: Xây dựng kế hoạch đào tạo, thu hút nhân lực chuyển đổi số','do',NULL,0);
INSERT INTO entry VALUES(31,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #11: Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường','do',NULL,0);
INSERT INTO entry VALUES(32,'2025-03-01T13:47:42+07:00','2025-03-01','an','close #11 on 27/02/2025','do',NULL,0);
INSERT INTO entry VALUES(33,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #12: Cập nhật đầy đủ dữ liệu Trung tâm điều hành đô thị thông minh (IOC)','do',NULL,0);
INSERT INTO entry VALUES(34,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #13: Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI','do',NULL,0);
INSERT INTO entry VALUES(35,'2025-03-01T13:47:42+07:00','2025-03-01','an','cancel #13: Gộp vào nhiệm vụ khác','do',NULL,0);
INSERT INTO entry VALUES(36,'2025-03-01T13:47:42+07:00','2025-03-01','an','add #14: Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính','do',NULL,0);
INSERT INTO entry VALUES(37,'2025-03-01T13:47:42+07:00','2025-03-01','an','close #14 on 21/12/2024','do',NULL,0);
INSERT INTO entry VALUES(38,'2025-03-02T13:47:42+07:00','2025-03-02','an','add leader #7: Nguyễn Văn An','do',NULL,0);
INSERT INTO entry VALUES(39,'2025-03-03T13:47:42+07:00','2025-03-03','an','add #15: نظام کی اپ گریڈیشن','do',NULL,0);
INSERT INTO entry VALUES(40,'2025-03-05T13:47:42+07:00','2025-03-05','binh','edit #2: title','do',NULL,0);
INSERT INTO entry VALUES(41,'2025-03-06T13:47:42+07:00','2025-03-06','an','deadline of #1 to 30/06/2025','do',NULL,0);
INSERT INTO entry VALUES(42,'2025-03-07T13:47:42+07:00','2025-03-07','an','close #2 on 07/03/2025','do',NULL,0);
INSERT INTO entry VALUES(43,'2025-03-08T13:47:42+07:00','2025-03-08','an','undo #42: close #2 on 07/03/2025','undo',42,0);
INSERT INTO entry VALUES(44,'2025-03-08T13:47:42+07:00','2025-03-08','an','redo #42: close #2 on 07/03/2025','redo',42,0);
INSERT INTO entry VALUES(45,'2025-03-09T13:47:42+07:00','2025-03-09','binh','assign #1 with Sở Nội vụ','do',NULL,0);
INSERT INTO entry VALUES(46,'2025-03-10T13:47:42+07:00','2025-03-10','binh','assign #1 without Sở Nội vụ','do',NULL,0);
INSERT INTO entry VALUES(47,'2025-03-11T13:47:42+07:00','2025-03-11','an','add #16: Tạm','do',NULL,0);
INSERT INTO entry VALUES(48,'2025-03-12T13:47:42+07:00','2025-03-12','an','delete #3 Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã','do',NULL,1);
INSERT INTO entry VALUES(49,'2025-03-12T13:47:42+07:00','2025-03-12','an','undo #48: delete #3 Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã','undo',48,0);
INSERT INTO entry VALUES(50,'2025-03-13T13:47:42+07:00','2025-03-13','an','delete #3 Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã','do',NULL,0);
INSERT INTO entry VALUES(51,'2025-03-14T13:47:42+07:00','2025-03-14','an','cancel #1: Dừng','do',NULL,0);
INSERT INTO entry VALUES(52,'2025-03-15T13:47:42+07:00','2025-03-15','an','reopen #1','do',NULL,0);
INSERT INTO entry VALUES(53,'2025-06-02T13:47:42+07:00','2025-06-02','an','rename group #1 from Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu to Hạ tầng số','do',NULL,0);
INSERT INTO entry VALUES(54,'2025-06-03T13:47:42+07:00','2025-06-03','an','add source #4: 57-NQ/TW','do',NULL,0);
INSERT INTO entry VALUES(55,'2025-06-03T13:47:42+07:00','2025-06-03','an','edit #1: source, year 2026','do',NULL,0);
INSERT INTO entry VALUES(56,'2025-06-05T13:47:42+07:00','2025-06-05','an','close #4 on 05/06/2025','do',NULL,1);
INSERT INTO entry VALUES(57,'2025-06-06T13:47:42+07:00','2025-06-06','an','undo #56: close #4 on 05/06/2025','undo',56,0);
INSERT INTO entry VALUES(58,'2025-06-07T13:47:42+07:00','2025-06-07','binh','edit #4: notes','do',NULL,0);
INSERT INTO entry VALUES(59,'2025-06-09T13:47:48+07:00','2025-06-09','an','rename leader #7 from Nguyễn Văn An to Lê Văn Bình','do',NULL,0);
INSERT INTO entry VALUES(60,'2025-06-10T13:47:48+07:00','2025-06-10','cuong','remind 4 units: Sở Khoa học và Công nghệ (2 tasks), Sở Nội vụ (2 tasks), Sở Tài chính (1 task), Trung tâm Tích hợp dữ liệu tỉnh (2 tasks)','do',NULL,0);
INSERT INTO entry VALUES(61,'2025-06-11T13:47:48+07:00','2025-06-11','an','import /work/main/tests/cli/fixtures/import_vi.csv: 4 added, 0 changed','do',NULL,1);
INSERT INTO entry VALUES(62,'2025-06-13T13:47:48+07:00','2025-06-13','an','undo #61: import /work/main/tests/cli/fixtures/import_vi.csv: 4 added, 0 changed','undo',61,0);
INSERT INTO entry VALUES(63,'2025-06-13T13:47:48+07:00','2025-06-13','an','undo #59: rename leader #7 from Nguyễn Văn An to Lê Văn Bình','undo',59,0);
INSERT INTO entry VALUES(64,'2025-06-14T13:47:48+07:00','2025-06-14','an','redo #59: rename leader #7 from Nguyễn Văn An to Lê Văn Bình','redo',59,0);
INSERT INTO entry VALUES(65,'2025-06-15T13:47:48+07:00','2025-06-15','an','deadline of #4 to 31/12/2025','do',NULL,0);
INSERT INTO entry VALUES(66,'2025-06-16T13:47:48+07:00','2025-06-16','binh','assign #4 to Sở Tài chính with Sở Nội vụ','do',NULL,1);
INSERT INTO entry VALUES(67,'2025-06-17T13:47:48+07:00','2025-06-17','binh','undo #66: assign #4 to Sở Tài chính with Sở Nội vụ','undo',66,0);
INSERT INTO entry VALUES(68,'2025-06-18T13:47:48+07:00','2025-06-18','an','delete #15 نظام کی اپ گریڈیشن','do',NULL,0);
CREATE TABLE change (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    entry   INTEGER NOT NULL REFERENCES entry(seq),
    tbl     TEXT NOT NULL,
    row_id  INTEGER NOT NULL,
    before  TEXT,
    after   TEXT
);
INSERT INTO change VALUES(1,1,'task_group',1,NULL,'{"id":1,"name":"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu","position":1}');
INSERT INTO change VALUES(2,1,'task_group',2,NULL,'{"id":2,"name":"Mở rộng ứng dụng công nghệ mới, nhất là AI và nền tảng kết nối dữ liệu","position":2}');
INSERT INTO change VALUES(3,1,'task_group',3,NULL,'{"id":3,"name":"Nâng cao năng lực số cho cán bộ, công chức, viên chức","position":3}');
INSERT INTO change VALUES(4,1,'task_group',4,NULL,'{"id":4,"name":"Bảo đảm thực hiện hiệu quả các nghị quyết, kế hoạch; xây dựng chính quyền số, kinh tế số, xã hội số","position":4}');
INSERT INTO change VALUES(5,2,'unit',1,NULL,'{"id":1,"name":"Sở Khoa học và Công nghệ"}');
INSERT INTO change VALUES(6,3,'leader',1,NULL,'{"id":1,"name":"Nguyễn Văn An","title":null,"unit_id":1}');
INSERT INTO change VALUES(7,4,'unit',2,NULL,'{"id":2,"name":"Sở Nội vụ"}');
INSERT INTO change VALUES(8,5,'leader',2,NULL,'{"id":2,"name":"Trần Thị Bình","title":null,"unit_id":2}');
INSERT INTO change VALUES(9,6,'unit',3,NULL,'{"id":3,"name":"Sở Tài chính"}');
INSERT INTO change VALUES(10,7,'leader',3,NULL,'{"id":3,"name":"Lê Hoàng Cường","title":null,"unit_id":3}');
INSERT INTO change VALUES(11,8,'unit',4,NULL,'{"id":4,"name":"Trung tâm Tích hợp dữ liệu tỉnh"}');
INSERT INTO change VALUES(12,9,'leader',4,NULL,'{"id":4,"name":"Phạm Thu Dung","title":null,"unit_id":4}');
INSERT INTO change VALUES(13,10,'unit',5,NULL,'{"id":5,"name":"Ban Tuyên giáo và Dân vận Tỉnh ủy"}');
INSERT INTO change VALUES(14,11,'leader',5,NULL,'{"id":5,"name":"Hoàng Minh Đức","title":null,"unit_id":5}');
INSERT INTO change VALUES(15,12,'unit',6,NULL,'{"id":6,"name":"Ban Tổ chức Tỉnh ủy"}');
INSERT INTO change VALUES(16,13,'leader',6,NULL,'{"id":6,"name":"Vũ Thị Hạnh","title":null,"unit_id":6}');
INSERT INTO change VALUES(17,14,'source',1,NULL,'{"id":1,"code":"97-CTr/TU","title":"Chương trình hành động thực hiện Nghị quyết 57-NQ/TW","issued":null}');
INSERT INTO change VALUES(18,15,'source',2,NULL,'{"id":2,"code":"KH 726/KH-UBND","title":"Kế hoạch triển khai Nghị quyết 57-NQ/TW","issued":null}');
INSERT INTO change VALUES(19,16,'source',3,NULL,'{"id":3,"code":"TB 45-TB/TW","title":"Thông báo kết luận của Ban Chỉ đạo Trung ương","issued":null}');
INSERT INTO change VALUES(20,17,'task',1,NULL,'{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-04-15","first_due":"2025-04-15","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(21,17,'task_unit',1,NULL,'{"id":1,"task_id":1,"unit_id":3}');
INSERT INTO change VALUES(22,18,'task',2,NULL,'{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Triển khai giải pháp AI hỗ trợ thủ tục hành chính về đầu tư, xây dựng","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(23,19,'task',3,NULL,'{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(24,20,'task',3,'{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"done","closed":"2025-01-15","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(25,21,'task',4,NULL,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(26,22,'task',5,NULL,'{"id":5,"uuid":"6d5a9c6e-7fe5-4ba7-8e98-f19cb53184dc","title":"Kết nối đường truyền giữa hai trung tâm dữ liệu","notes":null,"product":"Đường truyền kết nối","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-02-09","first_due":"2025-02-09","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(27,22,'task_unit',2,NULL,'{"id":2,"task_id":5,"unit_id":1}');
INSERT INTO change VALUES(28,23,'task',5,'{"id":5,"uuid":"6d5a9c6e-7fe5-4ba7-8e98-f19cb53184dc","title":"Kết nối đường truyền giữa hai trung tâm dữ liệu","notes":null,"product":"Đường truyền kết nối","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-02-09","first_due":"2025-02-09","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":5,"uuid":"6d5a9c6e-7fe5-4ba7-8e98-f19cb53184dc","title":"Kết nối đường truyền giữa hai trung tâm dữ liệu","notes":null,"product":"Đường truyền kết nối","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-02-09","first_due":"2025-02-09","extensions":0,"status":"done","closed":"2025-02-24","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(29,24,'task',6,NULL,'{"id":6,"uuid":"a9a68e05-a2eb-4a34-8cea-c88eb9f52a19","title":"Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật","notes":null,"product":"Hệ thống văn bản điện tử","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":3,"year":2025,"due":"2025-03-11","first_due":"2025-03-11","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(30,25,'task',6,'{"id":6,"uuid":"a9a68e05-a2eb-4a34-8cea-c88eb9f52a19","title":"Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật","notes":null,"product":"Hệ thống văn bản điện tử","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":3,"year":2025,"due":"2025-03-11","first_due":"2025-03-11","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":6,"uuid":"a9a68e05-a2eb-4a34-8cea-c88eb9f52a19","title":"Triển khai hệ thống văn bản điện tử cho văn bản thường và văn bản mật","notes":null,"product":"Hệ thống văn bản điện tử","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":3,"year":2025,"due":"2025-04-10","first_due":"2025-03-11","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(31,26,'task',7,NULL,'{"id":7,"uuid":"dda733f6-e70a-40da-9b41-579b481a55ac","title":"Hoàn thiện đề án Khu công nghệ thông tin tập trung Long Thành","notes":null,"product":"Đề án được phê duyệt","result":null,"group_id":2,"leader_id":3,"unit_id":3,"source_id":2,"year":2025,"due":"2025-02-26","first_due":"2025-02-26","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(32,26,'task_unit',3,NULL,'{"id":3,"task_id":7,"unit_id":1}');
INSERT INTO change VALUES(33,27,'task',8,NULL,'{"id":8,"uuid":"d0046374-82b4-4e17-8641-1fbf6f255185","title":"Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an","notes":null,"product":"Lớp tập huấn","result":null,"group_id":3,"leader_id":2,"unit_id":2,"source_id":1,"year":2024,"due":"2024-12-31","first_due":"2024-12-31","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(34,28,'task',8,'{"id":8,"uuid":"d0046374-82b4-4e17-8641-1fbf6f255185","title":"Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an","notes":null,"product":"Lớp tập huấn","result":null,"group_id":3,"leader_id":2,"unit_id":2,"source_id":1,"year":2024,"due":"2024-12-31","first_due":"2024-12-31","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":8,"uuid":"d0046374-82b4-4e17-8641-1fbf6f255185","title":"Mở lớp kỹ năng AI cho cán bộ, công chức và lực lượng công an","notes":null,"product":"Lớp tập huấn","result":null,"group_id":3,"leader_id":2,"unit_id":2,"source_id":1,"year":2024,"due":"2024-12-31","first_due":"2024-12-31","extensions":0,"status":"done","closed":"2024-12-30","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(35,29,'task',9,NULL,'{"id":9,"uuid":"a4a8db3f-d27c-40f1-af39-7b8bea877d4c","title":"Đào tạo 24 giảng viên, nhà khoa học về thiết kế vi mạch bán dẫn","notes":null,"product":"24 người được đào tạo","result":null,"group_id":3,"leader_id":6,"unit_id":6,"source_id":3,"year":2025,"due":"2025-09-17","first_due":"2025-09-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(36,29,'task_unit',4,NULL,'{"id":4,"task_id":9,"unit_id":3}');
INSERT INTO change VALUES(37,30,'task',10,NULL,'{"id":10,"uuid":"a9d884e4-8f4f-4c60-adaa-150f4a14f80a","title":"Xây dựng kế hoạch đào tạo, thu hút nhân lực chuyển đổi số","notes":null,"product":"Kế hoạch","result":null,"group_id":3,"leader_id":2,"unit_id":2,"source_id":3,"year":2025,"due":"2025-03-31","first_due":"2025-03-31","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(38,30,'task_unit',5,NULL,'{"id":5,"task_id":10,"unit_id":3}');
INSERT INTO change VALUES(39,31,'task',11,NULL,'{"id":11,"uuid":"7a0fda7f-c396-41d9-99a1-64379571905a","title":"Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường","notes":null,"product":"Danh mục nhiệm vụ","result":null,"group_id":4,"leader_id":6,"unit_id":6,"source_id":2,"year":2025,"due":"2025-02-28","first_due":"2025-02-28","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(40,32,'task',11,'{"id":11,"uuid":"7a0fda7f-c396-41d9-99a1-64379571905a","title":"Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường","notes":null,"product":"Danh mục nhiệm vụ","result":null,"group_id":4,"leader_id":6,"unit_id":6,"source_id":2,"year":2025,"due":"2025-02-28","first_due":"2025-02-28","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":11,"uuid":"7a0fda7f-c396-41d9-99a1-64379571905a","title":"Rà soát, lập danh mục nhiệm vụ phân cấp cho cấp xã, phường","notes":null,"product":"Danh mục nhiệm vụ","result":null,"group_id":4,"leader_id":6,"unit_id":6,"source_id":2,"year":2025,"due":"2025-02-28","first_due":"2025-02-28","extensions":0,"status":"done","closed":"2025-02-27","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(41,33,'task',12,NULL,'{"id":12,"uuid":"f4598696-d4d3-4ac7-b6c9-0fd9b4bbe107","title":"Cập nhật đầy đủ dữ liệu Trung tâm điều hành đô thị thông minh (IOC)","notes":null,"product":"Dữ liệu IOC","result":null,"group_id":2,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-01-30","first_due":"2025-01-30","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(42,34,'task',13,NULL,'{"id":13,"uuid":"7a94af3e-a49f-4777-ada7-0ee171a0d167","title":"Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI","notes":null,"product":"Hội nghị","result":null,"group_id":4,"leader_id":5,"unit_id":5,"source_id":1,"year":2025,"due":"2025-03-16","first_due":"2025-03-16","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(43,35,'task',13,'{"id":13,"uuid":"7a94af3e-a49f-4777-ada7-0ee171a0d167","title":"Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI","notes":null,"product":"Hội nghị","result":null,"group_id":4,"leader_id":5,"unit_id":5,"source_id":1,"year":2025,"due":"2025-03-16","first_due":"2025-03-16","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":13,"uuid":"7a94af3e-a49f-4777-ada7-0ee171a0d167","title":"Tổ chức hội nghị phổ biến kiến thức, kỹ năng ứng dụng AI","notes":null,"product":"Hội nghị","result":"Gộp vào nhiệm vụ khác","group_id":4,"leader_id":5,"unit_id":5,"source_id":1,"year":2025,"due":"2025-03-16","first_due":"2025-03-16","extensions":0,"status":"cancelled","closed":"2025-03-01","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(44,36,'task',14,NULL,'{"id":14,"uuid":"cc328ce1-9c39-4d6d-bf98-63170e988633","title":"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính","notes":null,"product":"Kho dữ liệu số hóa","result":null,"group_id":4,"leader_id":3,"unit_id":3,"source_id":1,"year":2024,"due":"2024-12-01","first_due":"2024-12-01","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(45,37,'task',14,'{"id":14,"uuid":"cc328ce1-9c39-4d6d-bf98-63170e988633","title":"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính","notes":null,"product":"Kho dữ liệu số hóa","result":null,"group_id":4,"leader_id":3,"unit_id":3,"source_id":1,"year":2024,"due":"2024-12-01","first_due":"2024-12-01","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":14,"uuid":"cc328ce1-9c39-4d6d-bf98-63170e988633","title":"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính","notes":null,"product":"Kho dữ liệu số hóa","result":null,"group_id":4,"leader_id":3,"unit_id":3,"source_id":1,"year":2024,"due":"2024-12-01","first_due":"2024-12-01","extensions":0,"status":"done","closed":"2024-12-21","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(46,38,'leader',7,NULL,'{"id":7,"name":"Nguyễn Văn An","title":"Phó Chủ tịch","unit_id":2}');
INSERT INTO change VALUES(47,39,'task',15,NULL,'{"id":15,"uuid":"d8e45aba-77c9-48d5-86ba-288b1c6224f1","title":"نظام کی اپ گریڈیشن","notes":"ڈیجیٹل ‮ خدمات","product":null,"result":null,"group_id":null,"leader_id":null,"unit_id":2,"source_id":null,"year":2025,"due":"2025-04-30","first_due":"2025-04-30","extensions":0,"status":"open","closed":null,"created":"2025-03-03","updated":"2025-03-03T13:47:42+07:00"}');
INSERT INTO change VALUES(48,40,'task',2,'{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Triển khai giải pháp AI hỗ trợ thủ tục hành chính về đầu tư, xây dựng","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-05T13:47:42+07:00"}');
INSERT INTO change VALUES(49,41,'task',1,'{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-04-15","first_due":"2025-04-15","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-06T13:47:42+07:00"}');
INSERT INTO change VALUES(50,42,'task',2,'{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-05T13:47:42+07:00"}','{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":"Xong","group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"done","closed":"2025-03-07","created":"2025-03-01","updated":"2025-03-07T13:47:42+07:00"}');
INSERT INTO change VALUES(51,43,'task',2,'{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":"Xong","group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"done","closed":"2025-03-07","created":"2025-03-01","updated":"2025-03-07T13:47:42+07:00"}','{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-05T13:47:42+07:00"}');
INSERT INTO change VALUES(52,44,'task',2,'{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":null,"group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-05T13:47:42+07:00"}','{"id":2,"uuid":"3fff9efe-763c-4672-ba83-4125c27fd3a7","title":"Số hóa hồ sơ","notes":null,"product":"Trợ lý ảo AI","result":"Xong","group_id":2,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-02-17","first_due":"2025-02-17","extensions":0,"status":"done","closed":"2025-03-07","created":"2025-03-01","updated":"2025-03-07T13:47:42+07:00"}');
INSERT INTO change VALUES(53,45,'task_unit',6,NULL,'{"id":6,"task_id":1,"unit_id":2}');
INSERT INTO change VALUES(54,46,'task_unit',6,'{"id":6,"task_id":1,"unit_id":2}',NULL);
INSERT INTO change VALUES(55,47,'task',16,NULL,'{"id":16,"uuid":"8ecf01b2-d4e9-487d-a6b4-060ebc58fc44","title":"Tạm","notes":null,"product":null,"result":null,"group_id":null,"leader_id":null,"unit_id":null,"source_id":null,"year":2025,"due":null,"first_due":null,"extensions":0,"status":"open","closed":null,"created":"2025-03-11","updated":"2025-03-11T13:47:42+07:00"}');
INSERT INTO change VALUES(56,48,'task',3,'{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"done","closed":"2025-01-15","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}',NULL);
INSERT INTO change VALUES(57,49,'task',3,NULL,'{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"done","closed":"2025-01-15","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(58,50,'task',3,'{"id":3,"uuid":"739c6845-61f3-4a3c-9229-a198e9ecec7d","title":"Ban hành hướng dẫn Tổ công nghệ số cộng đồng cấp xã","notes":null,"product":"Văn bản hướng dẫn","result":null,"group_id":4,"leader_id":2,"unit_id":2,"source_id":2,"year":2025,"due":"2025-01-20","first_due":"2025-01-20","extensions":0,"status":"done","closed":"2025-01-15","created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}',NULL);
INSERT INTO change VALUES(59,51,'task',1,'{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-06T13:47:42+07:00"}','{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":"Dừng","group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"cancelled","closed":"2025-03-14","created":"2025-03-01","updated":"2025-03-14T13:47:42+07:00"}');
INSERT INTO change VALUES(60,52,'task',1,'{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":"Dừng","group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"cancelled","closed":"2025-03-14","created":"2025-03-01","updated":"2025-03-14T13:47:42+07:00"}','{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":"Dừng","group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-15T13:47:42+07:00"}');
INSERT INTO change VALUES(61,53,'task_group',1,'{"id":1,"name":"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu","position":1}','{"id":1,"name":"Hạ tầng số","position":1}');
INSERT INTO change VALUES(62,54,'source',4,NULL,'{"id":4,"code":"57-NQ/TW","title":"Nghị quyết 57","issued":"2024-12-22"}');
INSERT INTO change VALUES(63,55,'task',1,'{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":"Dừng","group_id":1,"leader_id":1,"unit_id":1,"source_id":1,"year":2025,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-15T13:47:42+07:00"}','{"id":1,"uuid":"29d3c7de-17fd-46bc-b67a-3752d77ee10b","title":"Nâng cấp hệ thống quản lý văn bản và điều hành","notes":null,"product":"Hệ thống vận hành","result":"Dừng","group_id":1,"leader_id":1,"unit_id":1,"source_id":4,"year":2026,"due":"2025-06-30","first_due":"2025-04-15","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-03T13:47:42+07:00"}');
INSERT INTO change VALUES(64,56,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"done","closed":"2025-06-05","created":"2025-03-01","updated":"2025-06-05T13:47:42+07:00"}');
INSERT INTO change VALUES(65,57,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"done","closed":"2025-06-05","created":"2025-03-01","updated":"2025-06-05T13:47:42+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}');
INSERT INTO change VALUES(66,58,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":null,"product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-03-01T13:47:42+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-07T13:47:42+07:00"}');
INSERT INTO change VALUES(67,59,'leader',7,'{"id":7,"name":"Nguyễn Văn An","title":"Phó Chủ tịch","unit_id":2}','{"id":7,"name":"Lê Văn Bình","title":"Phó Chủ tịch","unit_id":2}');
INSERT INTO change VALUES(68,60,'reminder',1,NULL,'{"id":1,"unit_id":1,"leader_id":null,"issued":"2025-06-10","as_of":"2025-06-10","within_days":30,"lang":"vi"}');
INSERT INTO change VALUES(69,60,'reminder_task',1,NULL,'{"id":1,"reminder_id":1,"task_id":6,"due":"2025-04-10","days_late":61}');
INSERT INTO change VALUES(70,60,'reminder_task',2,NULL,'{"id":2,"reminder_id":1,"task_id":1,"due":"2025-06-30","days_late":-20}');
INSERT INTO change VALUES(71,60,'reminder',2,NULL,'{"id":2,"unit_id":2,"leader_id":null,"issued":"2025-06-10","as_of":"2025-06-10","within_days":30,"lang":"vi"}');
INSERT INTO change VALUES(72,60,'reminder_task',3,NULL,'{"id":3,"reminder_id":2,"task_id":10,"due":"2025-03-31","days_late":71}');
INSERT INTO change VALUES(73,60,'reminder_task',4,NULL,'{"id":4,"reminder_id":2,"task_id":15,"due":"2025-04-30","days_late":41}');
INSERT INTO change VALUES(74,60,'reminder',3,NULL,'{"id":3,"unit_id":3,"leader_id":null,"issued":"2025-06-10","as_of":"2025-06-10","within_days":30,"lang":"vi"}');
INSERT INTO change VALUES(75,60,'reminder_task',5,NULL,'{"id":5,"reminder_id":3,"task_id":7,"due":"2025-02-26","days_late":104}');
INSERT INTO change VALUES(76,60,'reminder',4,NULL,'{"id":4,"unit_id":4,"leader_id":null,"issued":"2025-06-10","as_of":"2025-06-10","within_days":30,"lang":"vi"}');
INSERT INTO change VALUES(77,60,'reminder_task',6,NULL,'{"id":6,"reminder_id":4,"task_id":12,"due":"2025-01-30","days_late":131}');
INSERT INTO change VALUES(78,60,'reminder_task',7,NULL,'{"id":7,"reminder_id":4,"task_id":4,"due":"2025-06-29","days_late":-19}');
INSERT INTO change VALUES(79,61,'task_group',5,NULL,'{"id":5,"name":"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu","position":5}');
INSERT INTO change VALUES(80,61,'unit',7,NULL,'{"id":7,"name":"UBND xã Tam Sơn"}');
INSERT INTO change VALUES(81,61,'unit',8,NULL,'{"id":8,"name":"Sở Tư pháp"}');
INSERT INTO change VALUES(82,61,'task',17,NULL,'{"id":17,"uuid":"2435246a-e1fe-4fc6-ae41-2d96145f51f2","title":"Nâng cấp hệ thống quản lý văn bản, điều hành","notes":null,"product":"Hệ thống \"một cửa\" mới","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":null,"year":2025,"due":"2025-12-31","first_due":"2025-12-31","extensions":0,"status":"open","closed":null,"created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}');
INSERT INTO change VALUES(83,61,'task',18,NULL,'{"id":18,"uuid":"b59b6959-3ab1-4108-bcac-5ad6f37f1ad5","title":"Kết nối đường truyền\ngiữa hai trung tâm dữ liệu","notes":"Ghi chú\nhai dòng","product":"Đường truyền","result":null,"group_id":5,"leader_id":2,"unit_id":4,"source_id":null,"year":2025,"due":"2025-03-15","first_due":"2025-03-15","extensions":0,"status":"done","closed":"2025-03-10","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}');
INSERT INTO change VALUES(84,61,'task',19,NULL,'{"id":19,"uuid":"f5a4fea6-950a-44a6-b1f5-abab8d239cdb","title":"Rà soát nhiệm vụ phân cấp cho xã, phường","notes":null,"product":"Danh mục","result":null,"group_id":3,"leader_id":1,"unit_id":7,"source_id":null,"year":2025,"due":"2025-04-30","first_due":"2025-04-30","extensions":0,"status":"cancelled","closed":"2025-06-01","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}');
INSERT INTO change VALUES(85,61,'task',20,NULL,'{"id":20,"uuid":"49ff631f-4cdc-4615-9680-cd6329c8f674","title":"Tập huấn kỹ năng AI cho cán bộ","notes":"Hoàn thành sớm","product":"Lớp học","result":null,"group_id":null,"leader_id":null,"unit_id":null,"source_id":null,"year":2025,"due":"2025-05-31","first_due":"2025-05-31","extensions":0,"status":"done","closed":"2025-05-20","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}');
INSERT INTO change VALUES(86,61,'task_unit',7,NULL,'{"id":7,"task_id":17,"unit_id":3}');
INSERT INTO change VALUES(87,61,'task_unit',8,NULL,'{"id":8,"task_id":17,"unit_id":2}');
INSERT INTO change VALUES(88,61,'task_unit',9,NULL,'{"id":9,"task_id":19,"unit_id":3}');
INSERT INTO change VALUES(89,61,'task_unit',10,NULL,'{"id":10,"task_id":19,"unit_id":8}');
INSERT INTO change VALUES(90,62,'task_unit',10,'{"id":10,"task_id":19,"unit_id":8}',NULL);
INSERT INTO change VALUES(91,62,'task_unit',9,'{"id":9,"task_id":19,"unit_id":3}',NULL);
INSERT INTO change VALUES(92,62,'task_unit',8,'{"id":8,"task_id":17,"unit_id":2}',NULL);
INSERT INTO change VALUES(93,62,'task_unit',7,'{"id":7,"task_id":17,"unit_id":3}',NULL);
INSERT INTO change VALUES(94,62,'task',20,'{"id":20,"uuid":"49ff631f-4cdc-4615-9680-cd6329c8f674","title":"Tập huấn kỹ năng AI cho cán bộ","notes":"Hoàn thành sớm","product":"Lớp học","result":null,"group_id":null,"leader_id":null,"unit_id":null,"source_id":null,"year":2025,"due":"2025-05-31","first_due":"2025-05-31","extensions":0,"status":"done","closed":"2025-05-20","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}',NULL);
INSERT INTO change VALUES(95,62,'task',19,'{"id":19,"uuid":"f5a4fea6-950a-44a6-b1f5-abab8d239cdb","title":"Rà soát nhiệm vụ phân cấp cho xã, phường","notes":null,"product":"Danh mục","result":null,"group_id":3,"leader_id":1,"unit_id":7,"source_id":null,"year":2025,"due":"2025-04-30","first_due":"2025-04-30","extensions":0,"status":"cancelled","closed":"2025-06-01","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}',NULL);
INSERT INTO change VALUES(96,62,'task',18,'{"id":18,"uuid":"b59b6959-3ab1-4108-bcac-5ad6f37f1ad5","title":"Kết nối đường truyền\ngiữa hai trung tâm dữ liệu","notes":"Ghi chú\nhai dòng","product":"Đường truyền","result":null,"group_id":5,"leader_id":2,"unit_id":4,"source_id":null,"year":2025,"due":"2025-03-15","first_due":"2025-03-15","extensions":0,"status":"done","closed":"2025-03-10","created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}',NULL);
INSERT INTO change VALUES(97,62,'task',17,'{"id":17,"uuid":"2435246a-e1fe-4fc6-ae41-2d96145f51f2","title":"Nâng cấp hệ thống quản lý văn bản, điều hành","notes":null,"product":"Hệ thống \"một cửa\" mới","result":null,"group_id":1,"leader_id":1,"unit_id":1,"source_id":null,"year":2025,"due":"2025-12-31","first_due":"2025-12-31","extensions":0,"status":"open","closed":null,"created":"2025-06-11","updated":"2025-06-11T13:47:48+07:00"}',NULL);
INSERT INTO change VALUES(98,62,'unit',8,'{"id":8,"name":"Sở Tư pháp"}',NULL);
INSERT INTO change VALUES(99,62,'unit',7,'{"id":7,"name":"UBND xã Tam Sơn"}',NULL);
INSERT INTO change VALUES(100,62,'task_group',5,'{"id":5,"name":"Hoàn thiện hạ tầng số và đồng bộ hệ thống dữ liệu","position":5}',NULL);
INSERT INTO change VALUES(101,63,'leader',7,'{"id":7,"name":"Lê Văn Bình","title":"Phó Chủ tịch","unit_id":2}','{"id":7,"name":"Nguyễn Văn An","title":"Phó Chủ tịch","unit_id":2}');
INSERT INTO change VALUES(102,64,'leader',7,'{"id":7,"name":"Nguyễn Văn An","title":"Phó Chủ tịch","unit_id":2}','{"id":7,"name":"Lê Văn Bình","title":"Phó Chủ tịch","unit_id":2}');
INSERT INTO change VALUES(103,65,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-06-29","first_due":"2025-06-29","extensions":0,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-07T13:47:42+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-12-31","first_due":"2025-06-29","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-15T13:47:48+07:00"}');
INSERT INTO change VALUES(104,66,'task_unit',11,NULL,'{"id":11,"task_id":4,"unit_id":2}');
INSERT INTO change VALUES(105,66,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-12-31","first_due":"2025-06-29","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-15T13:47:48+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":3,"source_id":1,"year":2025,"due":"2025-12-31","first_due":"2025-06-29","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-16T13:47:48+07:00"}');
INSERT INTO change VALUES(106,67,'task',4,'{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":3,"source_id":1,"year":2025,"due":"2025-12-31","first_due":"2025-06-29","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-16T13:47:48+07:00"}','{"id":4,"uuid":"15ae5e94-4450-434f-a77d-4f13cc75bac8","title":"Duy trì Trung tâm tích hợp dữ liệu tỉnh hoạt động ổn định","notes":"ghi chú","product":"Báo cáo vận hành","result":null,"group_id":1,"leader_id":4,"unit_id":4,"source_id":1,"year":2025,"due":"2025-12-31","first_due":"2025-06-29","extensions":1,"status":"open","closed":null,"created":"2025-03-01","updated":"2025-06-15T13:47:48+07:00"}');
INSERT INTO change VALUES(107,67,'task_unit',11,'{"id":11,"task_id":4,"unit_id":2}',NULL);
INSERT INTO change VALUES(108,68,'reminder_task',4,'{"id":4,"reminder_id":2,"task_id":15,"due":"2025-04-30","days_late":41}',NULL);
INSERT INTO change VALUES(109,68,'task',15,'{"id":15,"uuid":"d8e45aba-77c9-48d5-86ba-288b1c6224f1","title":"نظام کی اپ گریڈیشن","notes":"ڈیجیٹل ‮ خدمات","product":null,"result":null,"group_id":null,"leader_id":null,"unit_id":2,"source_id":null,"year":2025,"due":"2025-04-30","first_due":"2025-04-30","extensions":0,"status":"open","closed":null,"created":"2025-03-03","updated":"2025-03-03T13:47:42+07:00"}',NULL);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('entry',68);
INSERT INTO sqlite_sequence VALUES('change',109);
INSERT INTO sqlite_sequence VALUES('task_group',5);
INSERT INTO sqlite_sequence VALUES('unit',8);
INSERT INTO sqlite_sequence VALUES('leader',7);
INSERT INTO sqlite_sequence VALUES('source',4);
INSERT INTO sqlite_sequence VALUES('task',20);
INSERT INTO sqlite_sequence VALUES('task_unit',11);
INSERT INTO sqlite_sequence VALUES('reminder',4);
INSERT INTO sqlite_sequence VALUES('reminder_task',7);
CREATE INDEX task_status_due ON task(status, due);
CREATE INDEX task_group_ix   ON task(group_id, status, due);
CREATE INDEX task_leader_ix  ON task(leader_id, status, due);
CREATE INDEX task_unit_ix    ON task(unit_id, status, due);
CREATE INDEX task_source_ix  ON task(source_id, status, due);
CREATE INDEX task_year_ix    ON task(year, status, due);
CREATE INDEX task_due_ix     ON task(due);
CREATE INDEX task_group_page  ON task(group_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_leader_page ON task(leader_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_unit_page   ON task(unit_id, coalesce(due, '9999-12-31'));
CREATE INDEX task_unit_by_unit ON task_unit(unit_id);
CREATE INDEX leader_unit_ix  ON leader(unit_id);
CREATE INDEX reminder_unit_ix   ON reminder(unit_id, issued);
CREATE INDEX reminder_leader_ix ON reminder(leader_id, issued);
CREATE INDEX reminder_task_by_task ON reminder_task(task_id);
CREATE INDEX task_search_title ON task_search(title_key);
CREATE INDEX task_search_due ON task_search(due_key, id,
    status, group_id, leader_id, unit_id, source_id, year, body);
CREATE INDEX task_search_group ON task_search(group_id, due_key, id,
    status, leader_id, unit_id, source_id, year, body);
CREATE INDEX task_search_leader ON task_search(leader_id, due_key, id,
    status, group_id, unit_id, source_id, year, body);
CREATE INDEX task_search_unit ON task_search(unit_id, due_key, id,
    status, group_id, leader_id, source_id, year, body);
CREATE INDEX task_search_source ON task_search(source_id, due_key, id,
    status, group_id, leader_id, unit_id, year, body);
CREATE TRIGGER task_search_count_ins AFTER INSERT ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER task_search_count_upd AFTER UPDATE OF title, notes, group_id,
    leader_id, unit_id, source_id, year, status, due ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE TRIGGER task_search_count_del AFTER DELETE ON task BEGIN
  UPDATE search_state SET writes = writes + 1;
END;
CREATE INDEX entry_actor_ix ON entry(actor, kind, seq);
CREATE INDEX entry_day_ix   ON entry(day);
CREATE INDEX change_row_ix   ON change(tbl, row_id, id);
CREATE INDEX change_entry_ix ON change(entry, id);
CREATE INDEX change_reminder_task_ix ON change(json_extract(coalesce(after, before), '$.task_id'))
    WHERE tbl = 'reminder_task';
CREATE VIEW image_task_group AS SELECT id, json_object('id', id, 'name', name, 'position', position) AS img FROM task_group;
CREATE VIEW image_unit AS SELECT id, json_object('id', id, 'name', name) AS img FROM unit;
CREATE VIEW image_leader AS SELECT id, json_object('id', id, 'name', name, 'title', title, 'unit_id', unit_id) AS img FROM leader;
CREATE VIEW image_source AS SELECT id, json_object('id', id, 'code', code, 'title', title, 'issued', issued) AS img FROM source;
CREATE VIEW image_task AS SELECT id, json_object('id', id, 'uuid', uuid, 'title', title, 'notes', notes,
      'product', product, 'result', result, 'group_id', group_id,
      'leader_id', leader_id, 'unit_id', unit_id, 'source_id', source_id,
      'year', year, 'due', due, 'first_due', first_due,
      'extensions', extensions, 'status', status, 'closed', closed,
      'created', created, 'updated', updated) AS img FROM task;
CREATE VIEW image_task_unit AS SELECT id, json_object('id', id, 'task_id', task_id, 'unit_id', unit_id) AS img FROM task_unit;
CREATE VIEW image_reminder AS SELECT id, json_object('id', id, 'unit_id', unit_id, 'leader_id', leader_id,
      'issued', issued, 'as_of', as_of, 'within_days', within_days, 'lang', lang) AS img FROM reminder;
CREATE VIEW image_reminder_task AS SELECT id, json_object('id', id, 'reminder_id', reminder_id,
      'task_id', task_id, 'due', due, 'days_late', days_late) AS img FROM reminder_task;
CREATE TRIGGER task_group_ins AFTER INSERT ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position));
END;
CREATE TRIGGER task_group_upd AFTER UPDATE ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position),
    json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position));
END;
CREATE TRIGGER task_group_del AFTER DELETE ON task_group BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_group', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position), NULL);
END;
CREATE TRIGGER unit_ins AFTER INSERT ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name));
END;
CREATE TRIGGER unit_upd AFTER UPDATE ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name),
    json_object('id', NEW.id, 'name', NEW.name));
END;
CREATE TRIGGER unit_del AFTER DELETE ON unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'unit', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name), NULL);
END;
CREATE TRIGGER leader_ins AFTER INSERT ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', NEW.id, NULL,
    json_object('id', NEW.id, 'name', NEW.name, 'title', NEW.title, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER leader_upd AFTER UPDATE ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', NEW.id,
    json_object('id', OLD.id, 'name', OLD.name, 'title', OLD.title, 'unit_id', OLD.unit_id),
    json_object('id', NEW.id, 'name', NEW.name, 'title', NEW.title, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER leader_del AFTER DELETE ON leader BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'leader', OLD.id,
    json_object('id', OLD.id, 'name', OLD.name, 'title', OLD.title, 'unit_id', OLD.unit_id), NULL);
END;
CREATE TRIGGER source_ins AFTER INSERT ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', NEW.id, NULL,
    json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'issued', NEW.issued));
END;
CREATE TRIGGER source_upd AFTER UPDATE ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', NEW.id,
    json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'issued', OLD.issued),
    json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'issued', NEW.issued));
END;
CREATE TRIGGER source_del AFTER DELETE ON source BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'source', OLD.id,
    json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'issued', OLD.issued), NULL);
END;
CREATE TRIGGER task_ins AFTER INSERT ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', NEW.id, NULL,
    json_object('id', NEW.id, 'uuid', NEW.uuid, 'title', NEW.title, 'notes', NEW.notes,
      'product', NEW.product, 'result', NEW.result, 'group_id', NEW.group_id,
      'leader_id', NEW.leader_id, 'unit_id', NEW.unit_id, 'source_id', NEW.source_id,
      'year', NEW.year, 'due', NEW.due, 'first_due', NEW.first_due,
      'extensions', NEW.extensions, 'status', NEW.status, 'closed', NEW.closed,
      'created', NEW.created, 'updated', NEW.updated));
END;
CREATE TRIGGER task_upd AFTER UPDATE ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', NEW.id,
    json_object('id', OLD.id, 'uuid', OLD.uuid, 'title', OLD.title, 'notes', OLD.notes,
      'product', OLD.product, 'result', OLD.result, 'group_id', OLD.group_id,
      'leader_id', OLD.leader_id, 'unit_id', OLD.unit_id, 'source_id', OLD.source_id,
      'year', OLD.year, 'due', OLD.due, 'first_due', OLD.first_due,
      'extensions', OLD.extensions, 'status', OLD.status, 'closed', OLD.closed,
      'created', OLD.created, 'updated', OLD.updated),
    json_object('id', NEW.id, 'uuid', NEW.uuid, 'title', NEW.title, 'notes', NEW.notes,
      'product', NEW.product, 'result', NEW.result, 'group_id', NEW.group_id,
      'leader_id', NEW.leader_id, 'unit_id', NEW.unit_id, 'source_id', NEW.source_id,
      'year', NEW.year, 'due', NEW.due, 'first_due', NEW.first_due,
      'extensions', NEW.extensions, 'status', NEW.status, 'closed', NEW.closed,
      'created', NEW.created, 'updated', NEW.updated));
END;
CREATE TRIGGER task_del AFTER DELETE ON task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task', OLD.id,
    json_object('id', OLD.id, 'uuid', OLD.uuid, 'title', OLD.title, 'notes', OLD.notes,
      'product', OLD.product, 'result', OLD.result, 'group_id', OLD.group_id,
      'leader_id', OLD.leader_id, 'unit_id', OLD.unit_id, 'source_id', OLD.source_id,
      'year', OLD.year, 'due', OLD.due, 'first_due', OLD.first_due,
      'extensions', OLD.extensions, 'status', OLD.status, 'closed', OLD.closed,
      'created', OLD.created, 'updated', OLD.updated), NULL);
END;
CREATE TRIGGER task_unit_ins AFTER INSERT ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', NEW.id, NULL,
    json_object('id', NEW.id, 'task_id', NEW.task_id, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER task_unit_upd AFTER UPDATE ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', NEW.id,
    json_object('id', OLD.id, 'task_id', OLD.task_id, 'unit_id', OLD.unit_id),
    json_object('id', NEW.id, 'task_id', NEW.task_id, 'unit_id', NEW.unit_id));
END;
CREATE TRIGGER task_unit_del AFTER DELETE ON task_unit BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'task_unit', OLD.id,
    json_object('id', OLD.id, 'task_id', OLD.task_id, 'unit_id', OLD.unit_id), NULL);
END;
CREATE TRIGGER reminder_ins AFTER INSERT ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id, NULL,
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;
CREATE TRIGGER reminder_upd AFTER UPDATE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', NEW.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang),
    json_object('id', NEW.id, 'unit_id', NEW.unit_id, 'leader_id', NEW.leader_id,
      'issued', NEW.issued, 'as_of', NEW.as_of, 'within_days', NEW.within_days, 'lang', NEW.lang));
END;
CREATE TRIGGER reminder_del AFTER DELETE ON reminder BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder', OLD.id,
    json_object('id', OLD.id, 'unit_id', OLD.unit_id, 'leader_id', OLD.leader_id,
      'issued', OLD.issued, 'as_of', OLD.as_of, 'within_days', OLD.within_days, 'lang', OLD.lang), NULL);
END;
CREATE TRIGGER reminder_task_ins AFTER INSERT ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id, NULL,
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;
CREATE TRIGGER reminder_task_upd AFTER UPDATE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', NEW.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late),
    json_object('id', NEW.id, 'reminder_id', NEW.reminder_id, 'task_id', NEW.task_id,
      'due', NEW.due, 'days_late', NEW.days_late));
END;
CREATE TRIGGER reminder_task_del AFTER DELETE ON reminder_task BEGIN
  INSERT INTO change(entry, tbl, row_id, before, after) VALUES ((SELECT max(seq) FROM entry), 'reminder_task', OLD.id,
    json_object('id', OLD.id, 'reminder_id', OLD.reminder_id, 'task_id', OLD.task_id,
      'due', OLD.due, 'days_late', OLD.days_late), NULL);
END;
PRAGMA writable_schema=OFF;
COMMIT;
