// Names of the sandbox population, in Arabic and in the Latin transliteration the
// directorate prints, grouped by naming tradition. Saudi and other Arab names have three
// parts (given, father's, family); the other traditions print a given name and a surname.
// Each list is read by position (the Arabic and English of an entry stay together), so
// entries may be appended but never reordered or removed: that would rename people.

export type Name = readonly [ar: string, en: string];

export type NameGroup = {
  id: NameGroupId;
  /** Given, father's and family name; otherwise given name and surname. */
  threePart: boolean;
  male: readonly Name[];
  female: readonly Name[];
  family: readonly Name[];
};

export type NameGroupId = 'saudi' | 'arab' | 'south_asian' | 'indian' | 'nepali' | 'filipino' | 'indonesian' | 'sri_lankan';

const saudi: NameGroup = {
  id: 'saudi',
  threePart: true,
  male: [
    ['محمد', 'Mohammed'], ['عبدالله', 'Abdullah'], ['عبدالرحمن', 'Abdulrahman'], ['عبدالعزيز', 'Abdulaziz'],
    ['فهد', 'Fahd'], ['سعود', 'Saud'], ['خالد', 'Khalid'], ['سلطان', 'Sultan'], ['فيصل', 'Faisal'],
    ['تركي', 'Turki'], ['سعد', 'Saad'], ['ناصر', 'Nasser'], ['بندر', 'Bandar'], ['نايف', 'Nayef'],
    ['ماجد', 'Majed'], ['عمر', 'Omar'], ['علي', 'Ali'], ['أحمد', 'Ahmed'], ['إبراهيم', 'Ibrahim'],
    ['يوسف', 'Yousef'], ['حمد', 'Hamad'], ['مشعل', 'Mishal'], ['منصور', 'Mansour'], ['راشد', 'Rashed'],
    ['سلمان', 'Salman'], ['عبدالملك', 'Abdulmalik'], ['بدر', 'Badr'], ['وليد', 'Waleed'], ['طلال', 'Talal'],
    ['زياد', 'Ziyad'], ['مازن', 'Mazen'], ['هشام', 'Hisham'], ['ياسر', 'Yasser'], ['عادل', 'Adel'],
    ['صالح', 'Saleh'], ['حسن', 'Hassan'], ['مساعد', 'Musaed'], ['نواف', 'Nawaf'], ['ريان', 'Rayan'],
    ['عبدالمجيد', 'Abdulmajeed'], ['متعب', 'Miteb'], ['عبدالإله', 'Abdulelah'], ['فارس', 'Fares'], ['سامي', 'Sami'],
  ],
  female: [
    ['نورة', 'Noura'], ['سارة', 'Sarah'], ['فاطمة', 'Fatimah'], ['مريم', 'Maryam'], ['عائشة', 'Aisha'],
    ['هند', 'Hind'], ['ريم', 'Reem'], ['لمى', 'Lama'], ['العنود', 'Alanoud'], ['الجوهرة', 'Aljawhara'],
    ['منيرة', 'Munirah'], ['لطيفة', 'Latifah'], ['حصة', 'Hessa'], ['شهد', 'Shahad'], ['غادة', 'Ghada'],
    ['أمل', 'Amal'], ['دانة', 'Dana'], ['رهف', 'Rahaf'], ['جود', 'Joud'], ['ليان', 'Layan'],
    ['رغد', 'Raghad'], ['هيفاء', 'Haifa'], ['نوف', 'Nouf'], ['أسماء', 'Asma'], ['خديجة', 'Khadijah'],
    ['بشاير', 'Bashayer'], ['مها', 'Maha'], ['وعد', 'Waad'], ['عبير', 'Abeer'], ['ريما', 'Reema'],
    ['سلمى', 'Salma'], ['دلال', 'Dalal'], ['جواهر', 'Jawaher'], ['أروى', 'Arwa'], ['منى', 'Mona'],
    ['هيا', 'Haya'], ['لولوة', 'Lulwa'], ['شيماء', 'Shaima'], ['تهاني', 'Tahani'], ['ديما', 'Dima'],
  ],
  family: [
    ['القحطاني', 'Al-Qahtani'], ['العتيبي', 'Al-Otaibi'], ['الغامدي', 'Al-Ghamdi'], ['الزهراني', 'Al-Zahrani'],
    ['الحربي', 'Al-Harbi'], ['الدوسري', 'Al-Dosari'], ['الشهري', 'Al-Shehri'], ['المطيري', 'Al-Mutairi'],
    ['العنزي', 'Al-Anazi'], ['الشمري', 'Al-Shammari'], ['السبيعي', 'Al-Subaie'], ['المالكي', 'Al-Malki'],
    ['العمري', 'Al-Omari'], ['الشهراني', 'Al-Shahrani'], ['الجهني', 'Al-Juhani'], ['الرشيدي', 'Al-Rashidi'],
    ['الحارثي', 'Al-Harthi'], ['العسيري', 'Al-Asiri'], ['السهلي', 'Al-Sahli'], ['البقمي', 'Al-Buqami'],
    ['الرويلي', 'Al-Ruwaili'], ['الخالدي', 'Al-Khalidi'], ['البلوي', 'Al-Balawi'], ['الثقفي', 'Al-Thaqafi'],
    ['القرشي', 'Al-Qurashi'], ['الأحمدي', 'Al-Ahmadi'], ['السديري', 'Al-Sudairi'], ['التميمي', 'Al-Tamimi'],
    ['المري', 'Al-Marri'], ['اليامي', 'Al-Yami'], ['الشريف', 'Al-Sharif'], ['الفيفي', 'Al-Faifi'],
    ['الحازمي', 'Al-Hazmi'], ['المحمدي', 'Al-Mohammadi'], ['العطوي', 'Al-Atawi'], ['الصاعدي', 'Al-Saadi'],
    ['الرحيلي', 'Al-Ruhaili'], ['العصيمي', 'Al-Osaimi'], ['الزامل', 'Al-Zamil'], ['الراجحي', 'Al-Rajhi'],
  ],
};

const arab: NameGroup = {
  id: 'arab',
  threePart: true,
  male: [
    ['محمد', 'Mohamed'], ['أحمد', 'Ahmed'], ['محمود', 'Mahmoud'], ['مصطفى', 'Mostafa'], ['حسن', 'Hassan'],
    ['حسين', 'Hussein'], ['إبراهيم', 'Ibrahim'], ['خالد', 'Khaled'], ['عمرو', 'Amr'], ['طارق', 'Tarek'],
    ['ياسر', 'Yasser'], ['وائل', 'Wael'], ['أيمن', 'Ayman'], ['هاني', 'Hany'], ['شريف', 'Sherif'],
    ['كريم', 'Karim'], ['عبدالله', 'Abdallah'], ['علي', 'Ali'], ['سامي', 'Samy'], ['عماد', 'Emad'],
    ['رامي', 'Ramy'], ['وليد', 'Walid'], ['أسامة', 'Osama'], ['جمال', 'Gamal'], ['عثمان', 'Osman'],
    ['عبدالرحيم', 'Abdelrahim'], ['بشير', 'Bashir'], ['فادي', 'Fadi'], ['باسل', 'Basel'], ['ماهر', 'Maher'],
  ],
  female: [
    ['فاطمة', 'Fatma'], ['مريم', 'Mariam'], ['آية', 'Aya'], ['منى', 'Mona'], ['هبة', 'Heba'],
    ['نهى', 'Noha'], ['رانيا', 'Rania'], ['سمر', 'Samar'], ['دعاء', 'Doaa'], ['ياسمين', 'Yasmin'],
    ['إيمان', 'Eman'], ['أسماء', 'Asmaa'], ['رحاب', 'Rehab'], ['سلمى', 'Salma'], ['لينا', 'Lina'],
    ['رنا', 'Rana'], ['هالة', 'Hala'], ['نور', 'Nour'], ['عبير', 'Abeer'], ['سعاد', 'Suad'],
  ],
  family: [
    ['حسن', 'Hassan'], ['محمود', 'Mahmoud'], ['عبدالرحمن', 'Abdelrahman'], ['السيد', 'Elsayed'],
    ['إبراهيم', 'Ibrahim'], ['مصطفى', 'Mostafa'], ['الشريف', 'Elsherif'], ['عثمان', 'Osman'],
    ['الأمين', 'Elamin'], ['الحسيني', 'Al-Husseini'], ['العبادي', 'Al-Abbadi'], ['الخطيب', 'Al-Khatib'],
    ['النجار', 'Al-Najjar'], ['الحداد', 'Al-Haddad'], ['الصباغ', 'Al-Sabbagh'], ['باوزير', 'Bawazir'],
    ['العمودي', 'Al-Amoudi'], ['الحكيمي', 'Al-Hakimi'], ['المصري', 'Al-Masri'], ['الطيب', 'Eltayeb'],
    ['عبدالقادر', 'Abdelkader'], ['سليمان', 'Soliman'], ['فرج', 'Farag'], ['الحلبي', 'Al-Halabi'],
    ['الزعبي', 'Al-Zoubi'], ['المجالي', 'Al-Majali'], ['القاسم', 'Al-Qasem'], ['الأحمر', 'Al-Ahmar'],
  ],
};

const southAsian: NameGroup = {
  id: 'south_asian',
  threePart: false,
  male: [
    ['عمران', 'Imran'], ['عرفان', 'Irfan'], ['آصف', 'Asif'], ['فيصل', 'Faisal'], ['شاهد', 'Shahid'],
    ['طارق', 'Tariq'], ['وقاص', 'Waqas'], ['بلال', 'Bilal'], ['حمزة', 'Hamza'], ['عثمان', 'Usman'],
    ['زاهد', 'Zahid'], ['نديم', 'Nadeem'], ['شهزاد', 'Shahzad'], ['كامران', 'Kamran'], ['رضوان', 'Rizwan'],
    ['سهيل', 'Sohail'], ['جاويد', 'Javed'], ['رفيق', 'Rafiq'], ['مسعود', 'Masood'], ['عارف', 'Arif'],
    ['رحيم', 'Rahim'], ['كريم', 'Karim'], ['جمال', 'Jamal'], ['مجيب', 'Mujib'], ['شفيق', 'Shafiq'],
    ['أنور', 'Anwar'], ['رشيد', 'Rashid'], ['ناصر', 'Nasir'], ['حبيب', 'Habib'], ['سليم', 'Salim'],
  ],
  female: [
    ['عائشة', 'Ayesha'], ['فاطمة', 'Fatima'], ['زينب', 'Zainab'], ['صائمة', 'Saima'], ['نادية', 'Nadia'],
    ['صبا', 'Saba'], ['حنا', 'Hina'], ['شازيا', 'Shazia'], ['رخسانة', 'Rukhsana'], ['نسرين', 'Nasreen'],
    ['شبانة', 'Shabana'], ['روبينا', 'Rubina'], ['سلمى', 'Salma'], ['تسليمة', 'Taslima'], ['شرمين', 'Sharmin'],
    ['ناهد', 'Nahid'], ['فرزانة', 'Farzana'], ['رضية', 'Razia'], ['ياسمين', 'Yasmin'], ['مريم', 'Maryam'],
  ],
  family: [
    ['خان', 'Khan'], ['أحمد', 'Ahmed'], ['حسين', 'Hussain'], ['الرحمن', 'Rahman'], ['حسين', 'Hossain'],
    ['إسلام', 'Islam'], ['علي', 'Ali'], ['شودري', 'Chaudhry'], ['بت', 'Butt'], ['مالك', 'Malik'],
    ['قريشي', 'Qureshi'], ['شيخ', 'Sheikh'], ['ميا', 'Miah'], ['أختر', 'Akhtar'], ['إقبال', 'Iqbal'],
    ['محمود', 'Mahmood'], ['رانا', 'Rana'], ['عباسي', 'Abbasi'], ['بيغ', 'Baig'], ['صديقي', 'Siddiqui'],
    ['أعوان', 'Awan'], ['تالوكدار', 'Talukder'], ['سركار', 'Sarkar'], ['بهويان', 'Bhuiyan'], ['أمين', 'Amin'],
  ],
};

const indian: NameGroup = {
  id: 'indian',
  threePart: false,
  male: [
    ['راجيش', 'Rajesh'], ['سوريش', 'Suresh'], ['راميش', 'Ramesh'], ['أنيل', 'Anil'], ['سونيل', 'Sunil'],
    ['فيجاي', 'Vijay'], ['سانجاي', 'Sanjay'], ['أرون', 'Arun'], ['ديباك', 'Deepak'], ['مانوج', 'Manoj'],
    ['سانتوش', 'Santosh'], ['راجو', 'Raju'], ['بيجو', 'Biju'], ['شاجي', 'Shaji'], ['أنيش', 'Anish'],
    ['سوجيث', 'Sujith'], ['راهول', 'Rahul'], ['أميت', 'Amit'], ['كريشنا', 'Krishna'], ['غوبال', 'Gopal'],
    ['موهان', 'Mohan'], ['شيفا', 'Shiva'], ['براكاش', 'Prakash'], ['دينيش', 'Dinesh'], ['مورالي', 'Murali'],
    ['جوزيف', 'Joseph'], ['توماس', 'Thomas'], ['أبراهام', 'Abraham'],
  ],
  female: [
    ['بريا', 'Priya'], ['أنجالي', 'Anjali'], ['سونيتا', 'Sunita'], ['لاكشمي', 'Lakshmi'], ['كافيتا', 'Kavita'],
    ['ديفيا', 'Divya'], ['ريكا', 'Rekha'], ['ميرا', 'Meera'], ['شوبها', 'Shobha'], ['آشا', 'Asha'],
    ['جيسي', 'Jessy'], ['بيندو', 'Bindu'], ['ديبا', 'Deepa'], ['رادها', 'Radha'], ['غيتا', 'Geetha'],
    ['نيشا', 'Nisha'], ['شريا', 'Shreya'], ['أنيثا', 'Anitha'],
  ],
  family: [
    ['كومار', 'Kumar'], ['شارما', 'Sharma'], ['سينغ', 'Singh'], ['ناير', 'Nair'], ['بيلاي', 'Pillai'],
    ['ريدي', 'Reddy'], ['داس', 'Das'], ['باتيل', 'Patel'], ['مينون', 'Menon'], ['فارغيز', 'Varghese'],
    ['ياداف', 'Yadav'], ['غوبتا', 'Gupta'], ['راو', 'Rao'], ['شيتي', 'Shetty'], ['كوريان', 'Kurian'],
    ['ماثيو', 'Mathew'], ['جورج', 'George'], ['تشاكو', 'Chacko'], ['فيرما', 'Verma'], ['ميشرا', 'Mishra'],
  ],
};

const nepali: NameGroup = {
  id: 'nepali',
  threePart: false,
  male: [
    ['رام', 'Ram'], ['هاري', 'Hari'], ['كريشنا', 'Krishna'], ['بيشنو', 'Bishnu'], ['ديل', 'Dil'],
    ['غانيش', 'Ganesh'], ['سوريا', 'Surya'], ['بيكاش', 'Bikash'], ['ديباك', 'Dipak'], ['رابين', 'Rabin'],
    ['سانتوش', 'Santosh'], ['أرجون', 'Arjun'], ['بهيم', 'Bhim'], ['سوديب', 'Sudip'],
  ],
  female: [
    ['سيتا', 'Sita'], ['غيتا', 'Gita'], ['رادها', 'Radha'], ['سابيترا', 'Sabitra'], ['لاكسمي', 'Laxmi'],
    ['مايا', 'Maya'], ['أنيتا', 'Anita'], ['ساراسواتي', 'Saraswati'], ['بيمالا', 'Bimala'], ['كالبانا', 'Kalpana'],
  ],
  family: [
    ['ثابا', 'Thapa'], ['غورونغ', 'Gurung'], ['تامانغ', 'Tamang'], ['راي', 'Rai'], ['ماغار', 'Magar'],
    ['شريستا', 'Shrestha'], ['ليمبو', 'Limbu'], ['أديكاري', 'Adhikari'], ['بوديل', 'Poudel'], ['كاركي', 'Karki'],
    ['باسنيت', 'Basnet'],
  ],
};

const filipino: NameGroup = {
  id: 'filipino',
  threePart: false,
  male: [
    ['خوسيه', 'Jose'], ['خوان', 'Juan'], ['مارك', 'Mark'], ['جون', 'John'], ['مايكل', 'Michael'],
    ['رولاندو', 'Rolando'], ['إدواردو', 'Eduardo'], ['رامون', 'Ramon'], ['أنطونيو', 'Antonio'], ['ريكاردو', 'Ricardo'],
    ['جيري', 'Jerry'], ['رينالدو', 'Reynaldo'], ['روميو', 'Romeo'], ['دانيلو', 'Danilo'], ['ألبرت', 'Albert'],
  ],
  female: [
    ['ماريا', 'Maria'], ['آنا', 'Ana'], ['روزالي', 'Rosalie'], ['جينيفر', 'Jennifer'], ['ميلاني', 'Melanie'],
    ['غريس', 'Grace'], ['جوي', 'Joy'], ['ليزا', 'Liza'], ['ماريسيل', 'Maricel'], ['روز', 'Rose'],
    ['كريستين', 'Kristine'], ['ماريلو', 'Marilou'], ['جوزفين', 'Josephine'], ['ليا', 'Lea'], ['شيرلي', 'Shirley'],
  ],
  family: [
    ['سانتوس', 'Santos'], ['رييس', 'Reyes'], ['كروز', 'Cruz'], ['باوتيستا', 'Bautista'], ['غارسيا', 'Garcia'],
    ['مندوزا', 'Mendoza'], ['راموس', 'Ramos'], ['أكينو', 'Aquino'], ['فيلانويفا', 'Villanueva'], ['توريس', 'Torres'],
    ['فلوريس', 'Flores'], ['كاستيلو', 'Castillo'], ['ديلا كروز', 'Dela Cruz'], ['نافارو', 'Navarro'], ['ديل روساريو', 'Del Rosario'],
  ],
};

const indonesian: NameGroup = {
  id: 'indonesian',
  threePart: false,
  male: [
    ['أغوس', 'Agus'], ['بودي', 'Budi'], ['ديدي', 'Dedi'], ['إيكو', 'Eko'], ['هيندرا', 'Hendra'],
    ['رودي', 'Rudi'], ['أندي', 'Andi'], ['سوغيتو', 'Sugito'], ['بامبانغ', 'Bambang'], ['جوكو', 'Joko'],
    ['واهيو', 'Wahyu'], ['إيروان', 'Irwan'], ['أحمد', 'Ahmad'], ['عارف', 'Arif'], ['يوسف', 'Yusuf'],
  ],
  female: [
    ['سيتي', 'Siti'], ['سري', 'Sri'], ['ديوي', 'Dewi'], ['نور', 'Nur'], ['فطري', 'Fitri'],
    ['إنداه', 'Indah'], ['راتنا', 'Ratna'], ['سوسي', 'Susi'], ['يولي', 'Yuli'], ['أنيس', 'Anis'],
    ['ريني', 'Rini'], ['مارياتي', 'Maryati'], ['سوارني', 'Suwarni'], ['كارتيني', 'Kartini'], ['إيكا', 'Eka'],
  ],
  family: [
    ['سيتياوان', 'Setiawan'], ['هدايت', 'Hidayat'], ['سوسانتو', 'Susanto'], ['ويجايا', 'Wijaya'], ['سابوترا', 'Saputra'],
    ['ليستاري', 'Lestari'], ['رحايو', 'Rahayu'], ['كورنياوان', 'Kurniawan'], ['براتاما', 'Pratama'], ['نوغروهو', 'Nugroho'],
    ['سانتوسو', 'Santoso'], ['هاريانتو', 'Haryanto'], ['سوليستيو', 'Sulistyo'], ['ويبوو', 'Wibowo'], ['أوتامي', 'Utami'],
  ],
};

const sriLankan: NameGroup = {
  id: 'sri_lankan',
  threePart: false,
  male: [
    ['نيمال', 'Nimal'], ['سونيل', 'Sunil'], ['كامال', 'Kamal'], ['روان', 'Ruwan'], ['تشاميندا', 'Chaminda'],
    ['بريانثا', 'Priyantha'], ['ساجيث', 'Sajith'], ['ناليندا', 'Nalinda'], ['أجيث', 'Ajith'], ['لاليث', 'Lalith'],
  ],
  female: [
    ['كوماري', 'Kumari'], ['نيلانثي', 'Nilanthi'], ['تشاندريكا', 'Chandrika'], ['ديلاني', 'Dilani'], ['شيراني', 'Shirani'],
    ['بريانكا', 'Priyanka'], ['سوميثرا', 'Sumithra'], ['رينوكا', 'Renuka'], ['مالكاني', 'Malkanthi'], ['تشاماري', 'Chamari'],
  ],
  family: [
    ['بيريرا', 'Perera'], ['فرناندو', 'Fernando'], ['سيلفا', 'Silva'], ['جاياسينغه', 'Jayasinghe'], ['باندارا', 'Bandara'],
    ['ويكراماسينغه', 'Wickramasinghe'], ['ديسانايكا', 'Dissanayake'], ['كومارا', 'Kumara'], ['هيرات', 'Herath'], ['راثنايكا', 'Rathnayake'],
  ],
};

/** Indexed by position; see NATIONALITIES for who uses which. */
export const NAME_GROUPS: readonly NameGroup[] = [saudi, arab, southAsian, indian, nepali, filipino, indonesian, sriLankan];

export function nameGroupIndex(id: NameGroupId): number {
  const i = NAME_GROUPS.findIndex((g) => g.id === id);
  if (i < 0) throw new RangeError(`unknown name group ${id}`);
  return i;
}
