"""The questions people ask most, with answers true to how this app works today: the FAQ
(public page /help, offline too) and the help assistant (api/services/assistant.py) read it.

Each entry: a stable id, its topic, the question and answer (message ids, translated in the
catalogs) and the screen that helps (a page route). `locales.build` writes them into
`formats.json` (key "faq"), so the phone has the whole FAQ offline with no extra request.
KEYWORDS are the assistant's extra words per language (other ways people say it, written
without accents: the assistant folds accents away); the question and answer count too.
"""

from __future__ import annotations

from locales import N_

TOPICS: dict[str, str] = {
    "login": N_('Logging in'),
    "device": N_('Phones and devices'),
    "card": N_('Health-insurance card'),
    "offline": N_('Offline use'),
    "history": N_('Contributions'),
    "benefits": N_('Benefits and medical history'),
    "household": N_('Household health insurance'),
    "foreign": N_('Foreign workers'),
    "safety": N_('Notices and safety'),
    "app": N_('Using the app'),
}

FAQ: list[dict[str, str]] = [
    {"id": "login", "topic": "login", "screen": "/login",
     "q": N_('How do I log in?'),
     "a": N_('Enter your 10-digit social-insurance code (the old 15-character card number or '
            'your 12-digit personal ID number work too), then the 6-digit code we send by SMS '
            'to your registered phone.')},
    {"id": "no_sms", "topic": "login", "screen": "/login",
     "q": N_('I did not get the SMS code. What can I do?'),
     "a": N_('Check that your registered phone is on and has signal. A code is valid for 5 '
            'minutes; you can ask for a new one after a minute, up to ten a day. If your '
            'phone number has changed, the social-insurance agency must update it: call the '
            'hotline 1900 9068.')},
    {"id": "find_code", "topic": "login", "screen": "/lookup",
     "q": N_('I do not know my social-insurance code.'),
     "a": N_('Open Look-ups, then My code: enter your full name, date of birth and province. '
            'We show the last four digits and send the full code by SMS to your registered '
            'phone. The code is also printed on your insurance book and card.')},
    {"id": "passkey", "topic": "login", "screen": "/security",
     "q": N_('What is a passkey?'),
     "a": N_('After you log in with an SMS code, the home screen offers to create a passkey. '
            'Next time you log in on this phone with your fingerprint, face or PIN, without '
            'SMS. It works only on the phone where you made it.')},
    {"id": "code_tries", "topic": "login", "screen": "/login",
     "q": N_('I typed the SMS code wrong several times.'),
     "a": N_('Each code allows 5 tries; then ask for a new code. After many wrong tries from '
            'one network the app makes you wait a little before the next try: wait a few '
            'minutes and try again.')},
    {"id": "lost_phone", "topic": "device", "screen": "/security",
     "q": N_('I lost my phone. What should I do?'),
     "a": N_('Log in on another phone with your code and an SMS code (ask your mobile carrier '
            'for a new SIM with the same number). This moves your account and signs the lost '
            'phone out; when it next opens the app, the personal data on it is deleted. If '
            'your card needs re-issuing, call the hotline 1900 9068.')},
    {"id": "new_phone", "topic": "device", "screen": "/login",
     "q": N_('I have a new phone. How do I move the app?'),
     "a": N_('Open the app on the new phone and log in. It warns that the account is in use on '
            'the old phone; continuing signs the old phone out, and your data on it is '
            'deleted when it next opens the app. Your records download again, and you can '
            'create a new passkey.')},
    {"id": "two_phones", "topic": "device", "screen": "/security",
     "q": N_('Can I use the app on two phones?'),
     "a": N_('No. Your account works on one phone at a time, so that one card cannot be used '
            'on several phones. Logging in on another phone signs the first one out.')},
    {"id": "moved_not_me", "topic": "device", "screen": "/security",
     "q": N_('I got an SMS that my account moved to another phone, and it was not me.'),
     "a": N_('Log in again on your own phone with an SMS code: this moves the account back. '
            'Check Devices and security, and call the hotline 1900 9068. Never give your SMS '
            'code to anyone.')},
    {"id": "sign_out", "topic": "device", "screen": "/security",
     "q": N_('How do I remove my data from a phone I share or give away?'),
     "a": N_('Open Devices and security and tap Sign out this device: the data stored on the '
            'phone is deleted.')},
    {"id": "card_clinic", "topic": "card", "screen": "/card",
     "q": N_('How do I show my card at the clinic?'),
     "a": N_('Open Card and show the QR code. The desk scans it, or types your code. The QR is '
            'signed, so the clinic can check it without network.')},
    {"id": "live_qr", "topic": "card", "screen": "/card",
     "q": N_("Why does my card's QR change every 30 seconds?"),
     "a": N_('That is the live code: only your phone can make it, so a photo or screenshot '
            'stops working after two minutes. The printed code is the same as on the printed '
            'card; the light code shows only who you are and that the card is valid.')},
    {"id": "print_card", "topic": "card", "screen": "/card",
     "q": N_('Can I print my card?'),
     "a": N_('Yes. Open Card, then Card image: download it as a picture and print it. The '
            'printed card carries the signed QR code, as a paper fallback.')},
    {"id": "old_number", "topic": "card", "screen": "/card",
     "q": N_('My old card has a 15-character number. Is it still valid?'),
     "a": N_('Since 1 April 2021 the card number is your 10-digit social-insurance code: the '
            'last ten digits of the old number. The old number still works wherever the app '
            'asks for a code.')},
    {"id": "primary_care", "topic": "card", "screen": "/lookup",
     "q": N_('How do I change my primary-care facility?'),
     "a": N_('You may change it at the start of each quarter, in its first month (January, '
            'April, July, October). The app cannot make the change yet: ask your employer, a '
            'collection agent or the social-insurance agency. Look-ups list the clinics '
            'contracted for health insurance.')},
    {"id": "card_expiring", "topic": "card", "screen": "/notices",
     "q": N_('My card is about to expire. How do I renew it?'),
     "a": N_('The app sends you a notice before your card expires. Who renews it depends on '
            'how you are insured: your employer for employees; for household insurance, pay '
            'at a collection agent or the social-insurance agency. The app cannot renew or '
            'pay yet.')},
    {"id": "offline", "topic": "offline", "screen": "/card",
     "q": N_('Does the app work without internet?'),
     "a": N_('Yes, after the first sync: once you have logged in and opened the app online, '
            'your card, participation history, benefits, medical history, notices and request '
            'drafts open offline. A banner shows when the data was last updated.')},
    {"id": "nothing_saved", "topic": "offline", "screen": "/",
     "q": N_('The app says nothing is saved on this phone yet.'),
     "a": N_('Your records are downloaded the first time you open the app online after logging '
            'in. Connect once, wait for the data to load, and it will then open offline too.')},
    {"id": "history", "topic": "history", "screen": "/history",
     "q": N_('Where can I see my contribution history?'),
     "a": N_('Open Participation history: for social, unemployment, occupational accident and '
            'health insurance it shows each period, the employer, the salary basis, the '
            'contribution, your total time and a timeline.')},
    {"id": "arrears", "topic": "history", "screen": "/history",
     "q": N_('My history shows unpaid months. What does it mean?'),
     "a": N_('Your employer declared those months but has not paid the contributions. Ask your '
            'employer to pay: until they do, some benefits may be held back. If they do not, '
            'contact the social-insurance agency or the hotline 1900 9068.')},
    {"id": "history_wrong", "topic": "history", "screen": "/requests",
     "q": N_('A period is missing or wrong in my history.'),
     "a": N_('The app shows what the social-insurance agency holds. Ask your employer to '
            'correct its declaration, or bring your insurance book to the agency. You can '
            'write the details as a draft under Service requests; drafts cannot be sent '
            'online yet, so show it at the agency or call the hotline 1900 9068.')},
    {"id": "benefits", "topic": "benefits", "screen": "/benefits",
     "q": N_('Where can I see the benefits I received?'),
     "a": N_('Open Benefits: sickness, maternity, occupational accident, one-time payments and '
            'the monthly pension with its adjustment slips, each marked paid or being '
            'processed.')},
    {"id": "pension_change", "topic": "benefits", "screen": "/requests",
     "q": N_('How do I change where my pension is paid, or let someone collect it?'),
     "a": N_('Under Service requests you can write a draft, saved on your phone. The app '
            'cannot send requests to the agency yet: take the details to the social-insurance '
            'agency or call the hotline 1900 9068.')},
    {"id": "sick_leave", "topic": "benefits", "screen": "/medical",
     "q": N_('Where are my sick-leave certificates and hospital costs?'),
     "a": N_('Open Medical history: each insured visit with its costs split between the fund '
            'and you, and your papers (sick-leave certificates, discharge papers). Visits a '
            'clinic checked in show as costs pending.')},
    {"id": "household_cost", "topic": "household", "screen": "/lookup",
     "q": N_('How much does household health insurance cost?'),
     # The newest base salary of api/domain/contribution_rules.py: tests/unit/test_faq.py
     # fails when a newer one is added there and this answer still names the old one.
     "a": N_('The first member pays 4.5 % of the base salary (2,530,000 VND a month from 1 '
            'July 2026: 113,850 VND a month). The 2nd, 3rd and 4th members pay 70 %, 60 % and '
            "50 % of the first member's amount, the 5th and later 40 %. You pay for 3, 6 or "
            '12 months at a time.')},
    {"id": "household_renew", "topic": "household", "screen": "/lookup",
     "q": N_('How do I renew and pay household health insurance?'),
     "a": N_('The app cannot renew or pay yet. Pay at a collection agent (Look-ups, Collection '
            'agents, finds the ones near you) or at the social-insurance agency, for 3, 6 or '
            '12 months.')},
    {"id": "children", "topic": "household", "screen": "/lookup",
     "q": N_('Do children under six have to pay for health insurance?'),
     "a": N_('No. Children under six are insured by the state budget. Their card is valid '
            'until the day before their sixth birthday; after that they join household or '
            'school insurance.')},
    {"id": "foreign_insured", "topic": "foreign", "screen": "/history",
     "q": N_('I am a foreign worker in Vietnam. Am I insured?'),
     "a": N_('If you work under a labour contract with a work permit, your employer usually '
            'registers you for social and health insurance, and your records show in this app '
            "like anyone's. Whether your contract is covered depends on its kind and length: "
            'ask your employer or the social-insurance agency.')},
    {"id": "language", "topic": "foreign", "screen": "/",
     "q": N_('How do I change the language?'),
     "a": N_('Use the language menu at the top of every screen: Tiếng Việt, English, 中文, 日本語 '
            'or 한국어. The choice is kept on the phone and works offline.')},
    {"id": "foreign_code", "topic": "foreign", "screen": "/lookup",
     "q": N_('I am a foreigner. What do I log in with?'),
     "a": N_('With your 10-digit social-insurance code (on your insurance book or card; your '
            'employer knows it too) and the SMS code sent to the phone registered with the '
            'agency. If the number registered is old, ask your employer or call the hotline '
            '1900 9068.')},
    {"id": "notifications", "topic": "safety", "screen": "/notices",
     "q": N_('How do I get notifications on my phone?'),
     "a": N_('Open Notices and tap Turn on notifications. You then get notices even when the '
            'app is closed: card renewal, contributions due, new insured costs. You can turn '
            'them off there too; every notice also stays in the app.')},
    {"id": "scam", "topic": "safety", "screen": "/notices",
     "q": N_('Someone claiming to be from BHXH asked for my code. Is it real?'),
     "a": N_('BHXH staff never ask for your SMS code or passwords. Real notices from the '
            'agency appear under Notices in this app. Hang up and call the hotline 1900 9068.')},
    {"id": "who_viewed", "topic": "safety", "screen": "/security",
     "q": N_('Can I see who looked at my card?'),
     "a": N_('Yes. Devices and security lists every scan, typed look-up, photo view and visit '
            'recorded by a clinic, with the facility, staff member and time, offline too. If '
            'you do not recognise one, call the hotline 1900 9068.')},
    {"id": "find_clinic", "topic": "app", "screen": "/lookup",
     "q": N_('How do I find a clinic, an agency or a collection agent?'),
     "a": N_('Open Look-ups and choose Clinics, Agencies, Employers or Collection agents. Type '
            'a name or an address, with or without accents, and pick a province: old province '
            'names work too.')},
    {"id": "install", "topic": "app", "screen": "/help",
     "q": N_('How do I install the app?'),
     "a": N_("There is no app store: open this site in your phone's browser and choose Install "
            'app or Add to Home screen in the browser menu. To help someone else install it, '
            'show them the QR code under Invite someone on this page.')},
    {"id": "contact", "topic": "app", "screen": "/help",
     "q": N_('How do I contact support?'),
     "a": N_('Call the hotline 1900 9068, every day, or write to the support e-mail shown on '
            'this page. Have your social-insurance code ready, but never tell anyone your SMS '
            'code.')},
]

KEYWORDS: dict[str, dict[str, str]] = {
    "login": {
        "vi": 'dang nhap vao dang ky tai khoan ma so login mat khau',
        "en": 'log login sign signin enter account password access',
    },
    "no_sms": {
        "vi": 'khong nhan duoc ma otp sms tin nhan gui lai ma xac thuc doi so dien thoai',
        "en": 'sms code otp text message not received arrive resend verification number changed',
        "zh": '收不到 验证码 短信',
        "ja": '届かない 認証コード',
        "ko": '안 와요 인증번호 문자',
    },
    "find_code": {
        "vi": 'quen ma so bhxh tim ma so tra cuu ma so khong biet ma so cua toi',
        "en": 'forgot forget find lookup my code number social insurance code what is',
    },
    "passkey": {
        "vi": 'khoa truy cap van tay khuon mat passkey dang nhap nhanh khong can sms',
        "en": 'passkey fingerprint face pin biometric faster without sms',
    },
    "code_tries": {
        "vi": 'nhap sai ma nhieu lan bi khoa cho doi thu lai',
        "en": 'wrong code typed incorrect several times locked blocked wait tries',
    },
    "lost_phone": {
        "vi": 'mat dien thoai bi mat trom danh roi may mat cap sim',
        "en": 'lost stolen phone mobile missing theft stole',
        "zh": '丢失 被偷 不见了 弄丢',
        "ja": 'スマホ 携帯 紛失 落とした 盗まれた',
        "ko": '핸드폰 폰 분실 도난 잃어버림',
    },
    "new_phone": {
        "vi": 'doi dien thoai moi may moi chuyen may chuyen sang thay dien thoai',
        "en": 'new phone change switch move transfer another replace upgrade',
        "zh": '换手机 新手机 机型',
        "ja": '機種変更 スマホ 買い替え',
        "ko": '기기 변경 새 폰 핸드폰 교체',
    },
    "two_phones": {
        "vi": 'hai dien thoai 2 may nhieu thiet bi cung luc dang xuat may kia',
        "en": 'two phones devices both same time multiple second tablet logged out other',
    },
    "moved_not_me": {
        "vi": 'khong phai toi nguoi la dang nhap tai khoan bi chuyen bi hack chiem doat',
        "en": 'not me someone else hacked stranger account moved unknown login suspicious',
    },
    "sign_out": {
        "vi": 'xoa du lieu dang xuat ban dien thoai cho nguoi khac dung chung',
        "en": 'delete remove data wipe sign out log out sell give away shared erase',
    },
    "card_clinic": {
        "vi": 'the bhyt kham benh benh vien phong kham xuat trinh qr quet ma the giay',
        "en": 'card clinic hospital doctor show qr scan reception insurance card',
        "zh": '看病 医院 出示 扫码',
        "ja": '病院 受付 提示 スキャン',
        "ko": '병원 접수 제시 스캔',
    },
    "live_qr": {
        "vi": 'ma qr thay doi 30 giay truc tiep chup man hinh anh chup ma rut gon',
        "en": 'qr changes changing 30 seconds live screenshot photo light printed code why',
    },
    "print_card": {
        "vi": 'in the giay tai anh the ban in luu anh png',
        "en": 'print paper download image picture save png printout',
    },
    "old_number": {
        "vi": 'so the cu 15 ky tu ma the cu con hieu luc doi so the',
        "en": 'old 15 character card number still valid legacy former',
    },
    "primary_care": {
        "vi": 'doi noi dang ky kham chua benh ban dau kcb ban dau chuyen benh vien dang ky quy',
        "en": 'change primary care facility registered hospital clinic quarter switch doctor',
    },
    "card_expiring": {
        "vi": 'the het han sap het han gia han the han su dung',
        "en": 'expire expired expiring expiry renew renewal card validity date',
    },
    "offline": {
        "vi": ('khong co mang mat mang offline ngoai tuyen khong co internet wifi 3g '
               '4g song yeu vung sau'),
        "en": 'offline without internet no network no signal connection wifi data mobile data',
        "zh": '离线 没网 断网 没有信号',
        "ja": 'オフライン 圏外 電波 ネットなし',
        "ko": '오프라인 인터넷 없이 데이터 없이 신호',
    },
    "nothing_saved": {
        "vi": 'chua co du lieu chua luu trong dong bo tai du lieu khong hien thi',
        "en": 'nothing saved empty no data sync download not showing blank',
    },
    "history": {
        "vi": ('qua trinh dong bao hiem lich su dong thoi gian dong bhxh tham gia so '
               'nam dong muc luong'),
        "en": 'contribution history paid years record participation how long employer salary',
    },
    "arrears": {
        "vi": 'no dong chua dong thang chua nop cong ty no bao hiem cong ty khong dong tro no',
        "en": 'unpaid arrears owe owed employer not paid missing payment debt months',
        "zh": '欠费 未缴 拖欠',
        "ja": '未払い 滞納',
        "ko": '체납 미납',
    },
    "history_wrong": {
        "vi": 'sai thieu giai doan sai thong tin dieu chinh sua sai lech qua trinh',
        "en": 'wrong missing incorrect error period correct fix mistake gap',
    },
    "benefits": {
        "vi": 'che do huong tro cap om dau thai san luong huu tien huong nhan tien',
        "en": 'benefits received sickness maternity pension allowance payment paid money',
    },
    "pension_change": {
        "vi": ('doi noi nhan luong huu uy quyen nguoi khac nhan ho linh thay yeu cau '
               'dich vu cap lai so'),
        "en": ('change pension paid bank authorise authorize someone collect request '
               'reissue book submit'),
    },
    "sick_leave": {
        "vi": 'giay nghi om nghi viec chi phi kham benh vien phi ra vien lich su kham so y ba',
        "en": ('sick leave certificate note medical costs hospital bill visits '
               'discharge doctor paper'),
    },
    "household_cost": {
        "vi": ('bhyt ho gia dinh muc dong bao nhieu tien giam tru thanh vien nguoi '
               'thu hai luong co so gia'),
        "en": 'household family health insurance cost price how much discount member second fee',
        "zh": '多少钱 费用 家人',
        "ja": 'いくら 料金 家族',
        "ko": '얼마 요금 가족',
    },
    "household_renew": {
        "vi": 'gia han dong tien ho gia dinh nop tien o dau thanh toan dai ly thu mua bhyt',
        "en": 'renew pay payment household where buy collection agent family online',
    },
    "children": {
        "vi": 'tre em duoi 6 tuoi con nho be sau tuoi mien phi the tre em',
        "en": 'child children kid kids baby under six 6 free newborn son daughter',
    },
    "foreign_insured": {
        "vi": 'nguoi nuoc ngoai lao dong nuoc ngoai giay phep lao dong expat',
        "en": ('foreign foreigner worker expat expatriate work permit non vietnamese '
               'visa covered'),
    },
    "language": {
        "vi": 'doi ngon ngu tieng anh tieng viet tieng trung tieng han tieng nhat',
        "en": 'language english vietnamese chinese korean japanese translate change',
    },
    "foreign_code": {
        "vi": 'nguoi nuoc ngoai dang nhap ho chieu passport khong co cccd',
        "en": 'foreigner passport login no id card citizen id expat account',
    },
    "notifications": {
        "vi": 'thong bao nhan thong bao bat thong bao tin nhan push',
        "en": 'notification notifications notice alerts push turn on receive messages',
    },
    "scam": {
        "vi": 'lua dao gia mao nhan vien goi dien hoi ma otp tin nhan la lua dao',
        "en": 'scam fraud fake call caller impersonate someone asked code phishing real',
    },
    "who_viewed": {
        "vi": 'ai da xem the lich su quet the benh vien xem the cua toi quyen rieng tu',
        "en": 'who viewed looked at my card scanned privacy access log seen',
    },
    "find_clinic": {
        "vi": 'tim benh vien phong kham gan nhat co quan bhxh dia chi dai ly thu tra cuu',
        "en": ('find search clinic hospital agency office address near nearest '
               'collection agent where'),
    },
    "install": {
        "vi": 'cai dat tai ung dung tai app cai app ch play app store man hinh chinh',
        "en": 'install download app store play store home screen add setup get',
    },
    "contact": {
        "vi": 'lien he ho tro tong dai so dien thoai hotline email khieu nai tro giup',
        "en": 'contact support help hotline phone number call email complaint talk person',
        "zh": '客服 电话 联系',
        "ja": '問い合わせ 電話番号 連絡',
        "ko": '고객센터 전화번호 연락',
    },
}
