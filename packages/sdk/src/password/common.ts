/**
 * Passwords that satisfy the composition rule yet are among the first an attacker tries,
 * lower-cased. Kept short so it fits the widget; the service may add a longer list.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password@123', 'password@1', 'password1!', 'password123!', 'p@ssw0rd', 'p@ssword1', 'p@ssw0rd1',
  'p@ssw0rd123', 'passw0rd!', 'admin@123', 'admin@1234', 'admin123!', 'abc@1234', 'abc@12345',
  'abc@123456', 'abcd@1234', 'abcd@123', 'abc123!@#', 'qwerty@123', 'qwerty123!', 'qwe@1234',
  'welcome@123', 'welcome1!', 'test@123', 'test@1234', 'user@123', 'hello@123', 'iloveyou@1',
  'matkhau@123', 'matkhau@1', 'matkhau123!', 'anhyeuem@123', 'emyeuanh@123', 'vietnam@123',
  'vietnam@1', 'hanoi@123', 'saigon@123', 'changeme@1', 'changeme123!', 'a@123456', 'aa@123456',
  'a123456@', 'a@1234567', 'aa123456@', 'abc123@@', '123456aa@', '123456a@', 'zaq1@wsx', 'zaq12wsx!',
  '1qaz@wsx', '1qaz!qaz', '!qaz2wsx', 'qaz@1234', 'dichvucong@1', 'dichvucong@123', 'dvc@1234',
  'congdan@123', 'baohiem@123', 'viettel@123', 'vnpt@1234', 'mobifone@1', 'summer2024!', 'spring2025!',
  'nguyen@123', 'tran@1234', 'le@123456', 'pham@1234', 'hoang@123', 'huynh@123', 'vu@123456',
]);
