/** Demo data: a realistic appliance service company in the Pearl River Delta. */
export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'agent', displayName: '李客服', roles: ['agent'] },
  { username: 'engineer', displayName: '王工程师', roles: ['engineer'] },
  { username: 'tech1', displayName: '张师傅', roles: ['technician'] },
  { username: 'tech2', displayName: '刘师傅', roles: ['technician'] },
  { username: 'qc', displayName: '赵质检', roles: ['qc'] },
  { username: 'warehouse', displayName: '陈库管', roles: ['warehouse'] },
  { username: 'logistics', displayName: '周物流', roles: ['logistics'] },
  { username: 'finance', displayName: '吴财务', roles: ['finance'] },
  { username: 'supervisor', displayName: '孙主管', roles: ['supervisor'] },
  { username: 'manager', displayName: '郑总经理', roles: ['manager'] },
  { username: 'guide', displayName: '何导购', roles: ['guide'] },
] as const;

export const DEMO_LINES = [
  { code: 'AC', name: '空调', category: 'own' },
  { code: 'WH', name: '热水器', category: 'own' },
  { code: 'WM', name: '洗衣机', category: 'own' },
  { code: 'RF', name: '冰箱', category: 'partner' },
] as const;

export const DEMO_MODELS = [
  { line: 'AC', code: 'KFR-35GW/A1', name: '挂式变频空调 1.5匹' },
  { line: 'AC', code: 'KFR-72LW/B3', name: '立式柜机 3匹' },
  { line: 'WH', code: 'JSQ25-13T', name: '燃气热水器 13升' },
  { line: 'WH', code: 'DSZF-60E', name: '电热水器 60升' },
  { line: 'WM', code: 'XQG100-B14', name: '滚筒洗衣机 10公斤' },
  { line: 'RF', code: 'BCD-520W', name: '对开门冰箱 520升' },
] as const;

export const DEMO_CUSTOMERS = [
  { name: '张三', phone: '13800138000', city: '广州市', district: '天河区', line: '天河路385号太古汇公寓2栋1803', lat: 23.1339, lng: 113.3325 },
  { name: '李四', phone: '13912345678', city: '广州市', district: '越秀区', line: '中山五路68号3楼', lat: 23.1291, lng: 113.2644 },
  { name: '王芳', phone: '18620001234', city: '广州市', district: '海珠区', line: '新港中路397号8栋502', lat: 23.0989, lng: 113.3187 },
  { name: '陈明', phone: '13711112222', city: '佛山市', district: '禅城区', line: '祖庙路33号丽日豪庭5座1201', lat: 23.0292, lng: 113.1056 },
  { name: '刘洋', phone: '15013572468', city: '佛山市', district: '南海区', line: '桂城街道南海大道北68号', lat: 23.0357, lng: 113.1496 },
  { name: '黄丽', phone: '13632145698', city: '广州市', district: '白云区', line: '白云大道北1690号', lat: 23.1978, lng: 113.2726 },
  { name: '周杰', phone: '18998765432', city: '广州市', district: '番禺区', line: '市桥街道繁华路12号', lat: 22.9377, lng: 113.3844 },
  { name: '吴静', phone: '13543218765', city: '深圳市', district: '南山区', line: '科技园南区科苑路15号', lat: 22.5405, lng: 113.9432 },
  { name: '徐强', phone: '13826543210', city: '东莞市', district: '南城街道', line: '鸿福路200号', lat: 23.0173, lng: 113.7518 },
  { name: '孙悦', phone: '15920006789', city: '广州市', district: '荔湾区', line: '上下九路52号', lat: 23.1201, lng: 113.2483 },
  { name: '马俊', phone: '13480001111', city: '广州市', district: '黄埔区', line: '科学城开创大道2555号', lat: 23.1736, lng: 113.4495 },
  { name: '朱婷', phone: '18819992222', city: '佛山市', district: '顺德区', line: '大良街道德民路8号', lat: 22.8386, lng: 113.2503 },
] as const;

export const DEMO_ORG = {
  name: '广州珠江宾馆',
  contactName: '罗经理',
  phone: '02083338888',
  city: '广州市',
  district: '越秀区',
  line: '环市东路339号',
  lat: 23.1402,
  lng: 113.2916,
} as const;

export const DEMO_PROBLEMS = [
  { type: 'repair', problem: '空调制冷效果差，出风不凉，外机有异响', model: 'KFR-35GW/A1' },
  { type: 'repair', problem: '热水器点火后几秒熄火，显示E1故障码', model: 'JSQ25-13T' },
  { type: 'repair', problem: '洗衣机脱水时剧烈震动并报E4', model: 'XQG100-B14' },
  { type: 'repair', problem: '冰箱冷藏室不制冷，压缩机不停机', model: 'BCD-520W' },
  { type: 'installation', problem: '新购柜机需要上门安装，需打墙孔', model: 'KFR-72LW/B3' },
  { type: 'maintenance', problem: '空调年度清洗保养', model: 'KFR-35GW/A1' },
  { type: 'repair', problem: '电热水器加热慢，漏电保护插头偶尔跳闸', model: 'DSZF-60E', hazard: true },
  { type: 'repair', problem: '遥控器失灵，面板指示灯不亮', model: 'KFR-35GW/A1' },
  { type: 'consultation', problem: '咨询热水器冬季使用的防冻方法', model: 'JSQ25-13T' },
  { type: 'repair', problem: '洗衣机进水阀不停进水', model: 'XQG100-B14' },
  { type: 'repair', problem: '柜机内机漏水，滴到地板上', model: 'KFR-72LW/B3' },
  { type: 'return', problem: '收货三天内发现外壳有裂痕，申请退货', model: 'DSZF-60E' },
] as const;
